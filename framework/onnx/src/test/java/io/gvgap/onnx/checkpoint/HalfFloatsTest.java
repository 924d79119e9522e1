package io.gvgap.onnx.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HalfFloatsTest {
  private static int f16(float value) {
    return HalfFloats.floatToF16(value) & 0xffff;
  }

  private static int bf16(float value) {
    return HalfFloats.floatToBf16(value) & 0xffff;
  }

  @Test
  void halfPrecisionBitsOfKnownValues() {
    // IEEE 754 binary16: 1 = 0x3C00, -2 = 0xC000, the largest finite 65504 = 0x7BFF, 1/3 =
    // 0x3555 and 0.1 = 0x2E66 (nearest), the smallest subnormal 2^-24 = 0x0001
    assertThat(f16(1f)).isEqualTo(0x3C00);
    assertThat(f16(-2f)).isEqualTo(0xC000);
    assertThat(f16(65504f)).isEqualTo(0x7BFF);
    assertThat(f16(1f / 3)).isEqualTo(0x3555);
    assertThat(f16(0.1f)).isEqualTo(0x2E66);
    assertThat(f16(0x1p-24f)).isEqualTo(0x0001);
    assertThat(f16(-0f)).isEqualTo(0x8000);
  }

  @Test
  void halfPrecisionRoundsToNearestEvenAndOverflowsToInfinity() {
    // 65520 is halfway between 65504 and 65536 (which is beyond range): ties to even = infinity
    assertThat(f16(65520f)).isEqualTo(0x7C00);
    assertThat(f16(65519f)).isEqualTo(0x7BFF);
    assertThat(f16(Float.NEGATIVE_INFINITY)).isEqualTo(0xFC00);
    // 2^-25 is halfway between 0 and 2^-24: even is 0; 1.5 x 2^-24 halfway between 1 and 2 units: 2
    assertThat(f16(0x1p-25f)).isEqualTo(0x0000);
    assertThat(f16(1.5f * 0x1p-24f)).isEqualTo(0x0002);
    assertThat(f16(0.75f * 0x1p-24f)).isEqualTo(0x0001);
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: even is 1; 1 + 3 x 2^-11 rounds up to 1 + 2^-9
    assertThat(f16(1f + 0x1p-11f)).isEqualTo(0x3C00);
    assertThat(f16(1f + 3 * 0x1p-11f)).isEqualTo(0x3C02);
    // the largest subnormal rounding up becomes the smallest normal 2^-14
    assertThat(f16(0x1p-14f - 0x1p-26f)).isEqualTo(0x0400);
    assertThat(Float.isNaN(HalfFloats.f16ToFloat(HalfFloats.floatToF16(Float.NaN))))
        .isTrue();
  }

  @Test
  void everyHalfPrecisionValueWidensExactlyAndNarrowsBack() {
    for (int bits = 0; bits < 0x10000; bits++) {
      float value = HalfFloats.f16ToFloat((short) bits);
      if (Float.isNaN(value)) {
        assertThat((bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0).isTrue();
        continue;
      }
      assertThat(f16(value)).as("bits %04x", bits).isEqualTo(bits);
    }
    assertThat(HalfFloats.f16ToFloat((short) 0x3555)).isEqualTo(0.333251953125f);
    assertThat(HalfFloats.f16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
  }

  @Test
  void bfloat16IsTheRoundedUpperHalf() {
    // 1 = 0x3F800000 -> 0x3F80; 1/3 = 0x3EAAAAAB, lower half 0xAAAB > 0x8000 rounds up: 0x3EAB;
    // pi = 0x40490FDB, lower half below 0x8000: 0x4049; ties go to even
    assertThat(bf16(1f)).isEqualTo(0x3F80);
    assertThat(bf16(1f / 3)).isEqualTo(0x3EAB);
    assertThat(bf16((float) Math.PI)).isEqualTo(0x4049);
    assertThat(bf16(Float.intBitsToFloat(0x3F808000))).isEqualTo(0x3F80);
    assertThat(bf16(Float.intBitsToFloat(0x3F818000))).isEqualTo(0x3F82);
    assertThat(HalfFloats.bf16ToFloat((short) 0x3EAB)).isEqualTo(Float.intBitsToFloat(0x3EAB0000));
    assertThat(Float.isNaN(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.NaN))))
        .isTrue();
  }
}
