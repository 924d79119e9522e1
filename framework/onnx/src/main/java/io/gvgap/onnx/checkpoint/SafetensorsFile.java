package io.gvgap.onnx.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One safetensors file (see the package comment for the format): the header is read and checked
 * when the file is opened; a tensor's bytes are memory-mapped only when it is read, so a
 * checkpoint larger than memory is read tensor by tensor. Every error names the file, the tensor
 * and what to do.
 */
public final class SafetensorsFile {
  /** Largest header gvgap accepts (the format's own reference limit). */
  static final long MAX_HEADER_BYTES = 100L << 20;

  private final Path file;
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(
      Path file, long dataStart, Map<String, TensorInfo> tensors, Map<String, String> metadata) {
    this.file = file;
    this.dataStart = dataStart;
    this.tensors = tensors;
    this.metadata = metadata;
  }

  /**
   * Opens {@code file} and checks its header: every tensor's type is one gvgap reads, its byte
   * range matches its shape and lies inside the file.
   *
   * @throws ModelLoadException naming the file (and tensor) when it is not such a file
   */
  public static SafetensorsFile open(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < 8) {
        throw new ModelLoadException(file + " is not a safetensors file: " + size
            + " bytes, shorter than its 8-byte header" + " length");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.getLong(0);
      if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
        throw new ModelLoadException(file + " is not a safetensors file (or is truncated): its"
            + " header length " + headerLength + " does not fit a file of " + size + " bytes");
      }
      ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
      readFully(channel, headerBytes, 8);
      JsonNode header;
      try {
        header = new ObjectMapper()
            .readTree(new String(headerBytes.array(), StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new ModelLoadException(
            file + ": the safetensors header is not JSON ("
                + e.getMessage().lines().findFirst().orElse("") + ")",
            e);
      }
      if (header == null || !header.isObject()) {
        throw new ModelLoadException(file + ": the safetensors header is not a JSON object");
      }
      long dataStart = 8 + headerLength;
      return new SafetensorsFile(
          file, dataStart, tensors(file, header, size - dataStart), metadata(file, header));
    } catch (IOException e) {
      throw new ModelLoadException(file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The tensors in header order, by name. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  /** The header's {@code __metadata__} (empty when absent). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * The tensor {@code name}'s elements as floats, row-major (F16 and BF16 widened exactly).
   *
   * @throws ModelLoadException when the file has no such tensor or it has over 2^31 - 1 elements
   */
  public float[] readFloats(String name) {
    TensorInfo info = info(name);
    long elements = info.elements();
    if (elements > Integer.MAX_VALUE - 8) {
      throw new ModelLoadException(file + ": tensor " + name + " has " + elements
          + " elements, more than one Java array holds; gvgap cannot import it");
    }
    ByteBuffer bytes = map(info);
    float[] values = new float[(int) elements];
    switch (info.type()) {
      case F32 -> bytes.asFloatBuffer().get(values);
      case F16 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = HalfFloats.f16ToFloat(bytes.getShort(2 * i));
        }
      }
      case BF16 -> {
        for (int i = 0; i < values.length; i++) {
          values[i] = HalfFloats.bf16ToFloat(bytes.getShort(2 * i));
        }
      }
    }
    return values;
  }

  /** The header entry of tensor {@code name}; a missing one is an error naming the file. */
  public TensorInfo info(String name) {
    TensorInfo info = tensors.get(name);
    if (info == null) {
      throw new ModelLoadException(file + " has no tensor " + name + " (it has " + tensors.size()
          + " tensors); the checkpoint does not match its config.json");
    }
    return info;
  }

  private ByteBuffer map(TensorInfo info) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return channel
          .map(FileChannel.MapMode.READ_ONLY, dataStart + info.begin(), info.end() - info.begin())
          .order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException e) {
      throw new ModelLoadException(
          file + ": tensor " + info.name() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static Map<String, TensorInfo> tensors(Path file, JsonNode header, long dataBytes) {
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      if (name.equals("__metadata__")) {
        continue;
      }
      JsonNode entry = field.getValue();
      String where = file + ": tensor " + name;
      TensorType type;
      try {
        type = TensorType.fromHeader(entry.path("dtype").asText(""));
      } catch (IllegalArgumentException e) {
        throw new ModelLoadException(where + ": " + e.getMessage(), e);
      }
      JsonNode shapeNode = entry.path("shape");
      JsonNode offsets = entry.path("data_offsets");
      if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
        throw new ModelLoadException(
            where + " needs \"shape\" (an array) and \"data_offsets\" ([begin, end]) in its header"
                + " entry; the file is not a valid safetensors file");
      }
      long[] shape = new long[shapeNode.size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapeNode.get(i).asLong(-1);
        if (!shapeNode.get(i).canConvertToLong() || shape[i] < 0) {
          throw new ModelLoadException(where + ": shape " + shapeNode + " has a dimension that is"
              + " not a non-negative integer");
        }
      }
      long begin = offsets.get(0).asLong(-1);
      long end = offsets.get(1).asLong(-1);
      TensorInfo info = new TensorInfo(name, type, shape, begin, end);
      long expected;
      try {
        expected = Math.multiplyExact(info.elements(), (long) type.bytes());
      } catch (ArithmeticException e) {
        throw new ModelLoadException(where + ": shape " + shapeNode + " is too large", e);
      }
      if (begin < 0 || end < begin || end > dataBytes || end - begin != expected) {
        throw new ModelLoadException(where + ": data_offsets [" + begin + ", " + end + "] do not"
            + " hold " + expected + " bytes of " + type + shapeNode + " inside the file's "
            + dataBytes + " data bytes; the file is truncated or not a valid safetensors file");
      }
      tensors.put(name, info);
    }
    return Collections.unmodifiableMap(tensors);
  }

  private static Map<String, String> metadata(Path file, JsonNode header) {
    JsonNode node = header.path("__metadata__");
    if (node.isMissingNode() || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new ModelLoadException(file + ": __metadata__ must map strings to strings");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
    return Collections.unmodifiableMap(metadata);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at byte " + at);
      }
      at += read;
    }
  }
}
