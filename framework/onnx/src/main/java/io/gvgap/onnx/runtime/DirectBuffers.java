package io.gvgap.onnx.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Growable native-order direct buffers. ONNX Runtime reads and writes a direct buffer in place,
 * so inputs built in one and outputs pinned to one cost no extra copy; they grow only when a larger
 * batch needs it and are reused otherwise.
 */
final class DirectBuffers {
  private FloatBuffer floats = allocateFloats(0);
  private LongBuffer longs = allocateLongs(0);

  /** A view of exactly {@code count} floats starting at 0, reusing the backing memory when it is big enough. */
  FloatBuffer floats(long count) {
    int n = Math.toIntExact(count);
    if (floats.capacity() < n) {
      floats = allocateFloats(n);
    }
    return floats.duplicate().position(0).limit(n).slice();
  }

  /** A view of exactly {@code count} longs starting at 0. */
  LongBuffer longs(long count) {
    int n = Math.toIntExact(count);
    if (longs.capacity() < n) {
      longs = allocateLongs(n);
    }
    return longs.duplicate().position(0).limit(n).slice();
  }

  static FloatBuffer allocateFloats(long count) {
    return ByteBuffer.allocateDirect(Math.toIntExact(count * Float.BYTES))
        .order(ByteOrder.nativeOrder())
        .asFloatBuffer();
  }

  static LongBuffer allocateLongs(long count) {
    return ByteBuffer.allocateDirect(Math.toIntExact(count * Long.BYTES))
        .order(ByteOrder.nativeOrder())
        .asLongBuffer();
  }
}
