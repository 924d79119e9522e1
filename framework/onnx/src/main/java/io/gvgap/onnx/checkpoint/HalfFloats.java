package io.gvgap.onnx.checkpoint;

/**
 * Conversions between single precision and the two 16-bit float formats of checkpoints: IEEE half
 * precision (F16: 1 sign, 5 exponent, 10 fraction bits) and bfloat16 (BF16: the upper half of a
 * single-precision value). Narrowing rounds to nearest, ties to even; overflow gives infinity; NaN
 * stays NaN.
 */
public final class HalfFloats {
  private HalfFloats() {}

  /** The single-precision value of F16 bits {@code half} (exact: every F16 value is a float). */
  public static float f16ToFloat(short half) {
    int bits = half & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int fraction = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (fraction << 13));
    }
    if (exponent == 0) {
      // zero or subnormal: fraction x 2^-24
      float magnitude = fraction * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
  }

  /** The F16 bits nearest to {@code value} (ties to even; beyond 65504 rounds to infinity). */
  public static short floatToF16(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xff;
    int fraction = bits & 0x7fffff;
    if (exponent == 0xff) {
      // infinity, or NaN kept quiet and non-zero
      return (short) (sign | 0x7c00 | (fraction != 0 ? 0x200 | (fraction >>> 13) : 0));
    }
    int halfExponent = exponent - 112;
    if (halfExponent >= 0x1f) {
      return (short) (sign | 0x7c00);
    }
    if (halfExponent <= 0) {
      // subnormal half (or zero): the value in units of 2^-24, rounded to nearest even
      if (halfExponent < -10) {
        return (short) sign;
      }
      int mantissa = fraction | 0x800000;
      int shift = 14 - halfExponent;
      int units = mantissa >>> shift;
      int remainder = mantissa & ((1 << shift) - 1);
      int half = 1 << (shift - 1);
      if (remainder > half || (remainder == half && (units & 1) == 1)) {
        units++;
      }
      return (short) (sign | units);
    }
    int rounded = (halfExponent << 10) | (fraction >>> 13);
    int remainder = fraction & 0x1fff;
    if (remainder > 0x1000 || (remainder == 0x1000 && (rounded & 1) == 1)) {
      rounded++; // a carry into the exponent is the correct next value (up to infinity)
    }
    return (short) (sign | rounded);
  }

  /** The single-precision value of BF16 bits {@code bf16} (exact). */
  public static float bf16ToFloat(short bf16) {
    return Float.intBitsToFloat((bf16 & 0xffff) << 16);
  }

  /** The BF16 bits nearest to {@code value} (ties to even). */
  public static short floatToBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x40);
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }
}
