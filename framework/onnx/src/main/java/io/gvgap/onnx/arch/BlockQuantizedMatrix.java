package io.gvgap.onnx.arch;

import java.util.List;

/**
 * A weight matrix [k, n] (in, out) quantised in blocks along k, laid out as ONNX Runtime's
 * {@code com.microsoft:MatMulNBits} reads it: for each output column, {@code ceil(k / blockSize)}
 * blocks of {@code blockSize · bits / 8} bytes (codes packed low bits first), one scale per block,
 * and the default zero point {@code 2^(bits - 1)}. Symmetric: a block's scale is its largest
 * magnitude over {@code 2^(bits - 1) - 1}, a value's code {@code round(w / scale) + zero point},
 * and its dequantised value {@code (code - zero point) · scale}.
 *
 * @param k input width (rows of the matrix)
 * @param n output width (columns)
 * @param bits 4 or 8
 * @param blockSize values per block along k (a power of two, at least 16)
 * @param packed {@code n · blocks · blockSize · bits / 8} bytes
 * @param scales {@code n · blocks} scales, column by column
 */
public record BlockQuantizedMatrix(
    int k, int n, int bits, int blockSize, byte[] packed, float[] scales) {
  /** The block size gvgap quantises with. */
  public static final int BLOCK = 32;

  /** Checks the sizes. */
  public BlockQuantizedMatrix {
    if (bits != 4 && bits != 8) {
      throw new IllegalArgumentException("bits must be 4 or 8, was " + bits);
    }
    if (packed.length != (long) n * blocks(k, blockSize) * blockSize * bits / 8
        || scales.length != n * blocks(k, blockSize)) {
      throw new IllegalArgumentException("packed codes or scales do not fit a [" + k + ", " + n
          + "] matrix in blocks of " + blockSize);
    }
  }

  /** Blocks per column. */
  public int blocks() {
    return blocks(k, blockSize);
  }

  private static int blocks(int k, int blockSize) {
    return (k + blockSize - 1) / blockSize;
  }

  /** Quantises {@code weight} ([k, n] row-major, in × out) with {@code bits} bits a value. */
  public static BlockQuantizedMatrix quantize(float[] weight, int k, int n, int bits) {
    int blockSize = BLOCK;
    int blocks = blocks(k, blockSize);
    int zero = 1 << (bits - 1);
    int largest = (1 << bits) - 1;
    int blob = blockSize * bits / 8;
    byte[] packed = new byte[n * blocks * blob];
    float[] scales = new float[n * blocks];
    for (int col = 0; col < n; col++) {
      for (int block = 0; block < blocks; block++) {
        float magnitude = 0;
        for (int i = block * blockSize; i < Math.min(k, (block + 1) * blockSize); i++) {
          magnitude = Math.max(magnitude, Math.abs(weight[i * n + col]));
        }
        float scale = magnitude == 0 ? 1f : magnitude / (zero - 1);
        scales[col * blocks + block] = scale;
        int base = (col * blocks + block) * blob;
        for (int j = 0; j < blockSize; j++) {
          int row = block * blockSize + j;
          int code = row < k ? Math.round(weight[row * n + col] / scale) + zero : zero;
          code = Math.max(0, Math.min(largest, code));
          if (bits == 8) {
            packed[base + j] = (byte) code;
          } else {
            packed[base + j / 2] |= (byte) (j % 2 == 0 ? code : code << 4);
          }
        }
      }
    }
    return new BlockQuantizedMatrix(k, n, bits, blockSize, packed, scales);
  }

  /** The dequantised matrix, [k, n] row-major. */
  public float[] dequantize() {
    int blocks = blocks();
    int zero = 1 << (bits - 1);
    int blob = blockSize * bits / 8;
    float[] weight = new float[k * n];
    for (int col = 0; col < n; col++) {
      for (int row = 0; row < k; row++) {
        int block = row / blockSize;
        int j = row % blockSize;
        int b = packed[(col * blocks + block) * blob + (bits == 8 ? j : j / 2)] & 0xff;
        int code = bits == 8 ? b : (j % 2 == 0 ? b & 0xf : b >>> 4);
        weight[row * n + col] = (code - zero) * scales[col * blocks + block];
      }
    }
    return weight;
  }

  /** Matrices with the same k side by side: their columns concatenated (one product for all). */
  public static BlockQuantizedMatrix columns(List<BlockQuantizedMatrix> parts) {
    BlockQuantizedMatrix first = parts.get(0);
    int n = 0;
    int packedLength = 0;
    for (BlockQuantizedMatrix part : parts) {
      if (part.k != first.k || part.bits != first.bits || part.blockSize != first.blockSize) {
        throw new IllegalArgumentException("only matrices of one k, bits and block size join");
      }
      n += part.n;
      packedLength += part.packed.length;
    }
    byte[] packed = new byte[packedLength];
    float[] scales = new float[n * first.blocks()];
    int at = 0;
    int scaleAt = 0;
    for (BlockQuantizedMatrix part : parts) {
      System.arraycopy(part.packed, 0, packed, at, part.packed.length);
      System.arraycopy(part.scales, 0, scales, scaleAt, part.scales.length);
      at += part.packed.length;
      scaleAt += part.scales.length;
    }
    return new BlockQuantizedMatrix(first.k, n, first.bits, first.blockSize, packed, scales);
  }
}
