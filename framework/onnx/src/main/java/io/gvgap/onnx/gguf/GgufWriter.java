package io.gvgap.onnx.gguf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a GGUF file (version 3): the magic {@code GGUF}, the version, the tensor and metadata
 * counts, the metadata key/values (typed: integers, floats, booleans, strings, arrays), each
 * tensor's name, dimensions (innermost first), type and data offset, then the tensors' data, each
 * aligned to {@value #ALIGNMENT} bytes. Little-endian throughout. Tensors are F32 or F16.
 */
public final class GgufWriter {
  /** Data alignment (GGUF's default {@code general.alignment}). */
  public static final int ALIGNMENT = 32;

  private static final int UINT32 = 4;
  private static final int INT32 = 5;
  private static final int FLOAT32 = 6;
  private static final int BOOL = 7;
  private static final int STRING = 8;
  private static final int ARRAY = 9;

  /** A tensor element type of GGUF. */
  public enum TensorType {
    /** 32-bit float. */
    F32(0, 4),
    /** 16-bit float. */
    F16(1, 2);

    final int code;
    final int bytes;

    TensorType(int code, int bytes) {
      this.code = code;
      this.bytes = bytes;
    }
  }

  private record Tensor(String name, long[] dims, TensorType type, float[] values) {}

  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private final List<Tensor> tensors = new ArrayList<>();

  /** A string value. */
  public GgufWriter put(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** A uint32 value. */
  public GgufWriter putUint32(String key, long value) {
    metadata.put(key, new Uint32(value));
    return this;
  }

  /** An int32 value. */
  public GgufWriter putInt32(String key, int value) {
    metadata.put(key, value);
    return this;
  }

  /** A float32 value. */
  public GgufWriter put(String key, float value) {
    metadata.put(key, value);
    return this;
  }

  /** A bool value. */
  public GgufWriter put(String key, boolean value) {
    metadata.put(key, value);
    return this;
  }

  /** An array of strings. */
  public GgufWriter putStrings(String key, List<String> values) {
    metadata.put(key, new StringArray(values));
    return this;
  }

  /** An array of int32. */
  public GgufWriter putInts(String key, int[] values) {
    metadata.put(key, values.clone());
    return this;
  }

  /** An array of float32. */
  public GgufWriter putFloats(String key, float[] values) {
    metadata.put(key, values.clone());
    return this;
  }

  /**
   * A tensor: {@code values} row-major with the slowest dimension first, {@code dims} given as
   * GGUF lists them (innermost, fastest-varying first).
   */
  public GgufWriter tensor(String name, float[] values, TensorType type, long... dims) {
    long count = 1;
    for (long dim : dims) {
      count *= dim;
    }
    if (count != values.length) {
      throw new IllegalArgumentException(
          "tensor " + name + ": " + values.length + " values for " + count + " elements");
    }
    tensors.add(new Tensor(name, dims.clone(), type, values));
    return this;
  }

  /** Writes the file. */
  public void write(Path file) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      Counter counted = new Counter(out);
      counted.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
      counted.u32(3);
      counted.u64(tensors.size());
      counted.u64(metadata.size());
      for (Map.Entry<String, Object> entry : metadata.entrySet()) {
        counted.string(entry.getKey());
        value(counted, entry.getValue());
      }
      long offset = 0;
      for (Tensor tensor : tensors) {
        counted.string(tensor.name);
        counted.u32(tensor.dims.length);
        for (long dim : tensor.dims) {
          counted.u64(dim);
        }
        counted.u32(tensor.type.code);
        counted.u64(offset);
        offset = align(offset + (long) tensor.values.length * tensor.type.bytes);
      }
      counted.pad();
      for (Tensor tensor : tensors) {
        ByteBuffer data = ByteBuffer.allocate(tensor.values.length * tensor.type.bytes)
            .order(ByteOrder.LITTLE_ENDIAN);
        for (float v : tensor.values) {
          if (tensor.type == TensorType.F32) {
            data.putFloat(v);
          } else {
            data.putShort(io.gvgap.onnx.checkpoint.HalfFloats.floatToF16(v));
          }
        }
        counted.bytes(data.array());
        counted.pad();
      }
    }
  }

  private static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  private static void value(Counter out, Object value) throws IOException {
    if (value instanceof String s) {
      out.u32(STRING);
      out.string(s);
    } else if (value instanceof Uint32 u) {
      out.u32(UINT32);
      out.u32(u.value);
    } else if (value instanceof Integer i) {
      out.u32(INT32);
      out.u32(i);
    } else if (value instanceof Float f) {
      out.u32(FLOAT32);
      out.u32(Float.floatToRawIntBits(f));
    } else if (value instanceof Boolean b) {
      out.u32(BOOL);
      out.bytes(new byte[] {(byte) (b ? 1 : 0)});
    } else if (value instanceof StringArray strings) {
      out.u32(ARRAY);
      out.u32(STRING);
      out.u64(strings.values.size());
      for (String s : strings.values) {
        out.string(s);
      }
    } else if (value instanceof int[] ints) {
      out.u32(ARRAY);
      out.u32(INT32);
      out.u64(ints.length);
      for (int i : ints) {
        out.u32(i);
      }
    } else if (value instanceof float[] floats) {
      out.u32(ARRAY);
      out.u32(FLOAT32);
      out.u64(floats.length);
      for (float f : floats) {
        out.u32(Float.floatToRawIntBits(f));
      }
    } else {
      throw new IllegalArgumentException("no GGUF type for " + value);
    }
  }

  private record Uint32(long value) {}

  private record StringArray(List<String> values) {}

  /** An output stream writer that counts bytes (for the alignment padding). */
  private static final class Counter {
    private final OutputStream out;
    private long written;

    Counter(OutputStream out) {
      this.out = out;
    }

    void bytes(byte[] data) throws IOException {
      out.write(data);
      written += data.length;
    }

    void u32(long value) throws IOException {
      bytes(ByteBuffer.allocate(4)
          .order(ByteOrder.LITTLE_ENDIAN)
          .putInt((int) value)
          .array());
    }

    void u64(long value) throws IOException {
      bytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }

    void string(String s) throws IOException {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      u64(utf8.length);
      bytes(utf8);
    }

    void pad() throws IOException {
      int padding = (int) (align(written) - written);
      bytes(new byte[padding]);
    }
  }
}
