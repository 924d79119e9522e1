package io.gvgap.onnx.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Writes tensors as safetensors, in one file or sharded with an index as the Hugging Face library
 * lays them out ({@code model-00001-of-00003.safetensors}, {@code model.safetensors.index.json}
 * with {@code metadata.total_size} and {@code weight_map}). Values are narrowed to the file's type
 * by {@link HalfFloats} (round to nearest, ties to even).
 */
public final class SafetensorsWriter {
  private SafetensorsWriter() {}

  /**
   * A tensor to write.
   *
   * @param shape its dimensions, row-major
   * @param values its elements, as many as the shape's product
   */
  public record Tensor(long[] shape, float[] values) {
    /** Checks that the values fill the shape. */
    public Tensor {
      long count = 1;
      for (long dim : shape) {
        count *= dim;
      }
      if (count != values.length) {
        throw new IllegalArgumentException("a tensor of shape " + java.util.Arrays.toString(shape)
            + " needs " + count + " values, got " + values.length);
      }
    }
  }

  /** Writes {@code tensors} (in map order) to {@code file} in {@code type}, with {@code metadata}. */
  public static void write(
      Path file, Map<String, Tensor> tensors, TensorType type, Map<String, String> metadata) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
      ObjectNode node = header.putObject(entry.getKey());
      node.put("dtype", type.name());
      var shape = node.putArray("shape");
      for (long dim : entry.getValue().shape()) {
        shape.add(dim);
      }
      long bytes = (long) entry.getValue().values().length * type.bytes();
      node.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] headerJson;
    try {
      headerJson = json.writeValueAsBytes(header);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // the header is padded with spaces to a multiple of 8 bytes, as the reference writer does
    int padded = (headerJson.length + 7) / 8 * 8;
    try (OutputStream out = Files.newOutputStream(file)) {
      ByteBuffer prefix = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      prefix.putLong(padded);
      out.write(prefix.array());
      out.write(headerJson);
      out.write(" ".repeat(padded - headerJson.length).getBytes(StandardCharsets.US_ASCII));
      for (Tensor tensor : tensors.values()) {
        out.write(encode(tensor.values(), type));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code tensors} into {@code directory} as shards of at most {@code maxShardBytes} each
   * (a tensor larger than that gets a shard of its own) and the index; with a single shard, as
   * {@value SafetensorsCheckpoint#SINGLE} without an index. Returns the files written.
   */
  public static List<Path> writeCheckpoint(
      Path directory, Map<String, Tensor> tensors, TensorType type, long maxShardBytes) {
    List<Map<String, Tensor>> shards = new ArrayList<>();
    Map<String, Tensor> current = new LinkedHashMap<>();
    long currentBytes = 0;
    long total = 0;
    for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
      long bytes = (long) entry.getValue().values().length * type.bytes();
      if (!current.isEmpty() && currentBytes + bytes > maxShardBytes) {
        shards.add(current);
        current = new LinkedHashMap<>();
        currentBytes = 0;
      }
      current.put(entry.getKey(), entry.getValue());
      currentBytes += bytes;
      total += bytes;
    }
    shards.add(current);
    Map<String, String> metadata = Map.of("format", "pt");
    List<Path> written = new ArrayList<>();
    if (shards.size() == 1) {
      Path file = directory.resolve(SafetensorsCheckpoint.SINGLE);
      write(file, shards.get(0), type, metadata);
      written.add(file);
      return written;
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode index = json.createObjectNode();
    index.putObject("metadata").put("total_size", total);
    ObjectNode weightMap = index.putObject("weight_map");
    for (int i = 0; i < shards.size(); i++) {
      String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
      Path file = directory.resolve(name);
      write(file, shards.get(i), type, metadata);
      written.add(file);
      shards.get(i).keySet().forEach(tensor -> weightMap.put(tensor, name));
    }
    Path indexFile = directory.resolve(SafetensorsCheckpoint.INDEX);
    try {
      json.writerWithDefaultPrettyPrinter().writeValue(indexFile.toFile(), index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + indexFile + ": " + e.getMessage(), e);
    }
    written.add(indexFile);
    return written;
  }

  private static byte[] encode(float[] values, TensorType type) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      switch (type) {
        case F32 -> bytes.putFloat(value);
        case F16 -> bytes.putShort(HalfFloats.floatToF16(value));
        case BF16 -> bytes.putShort(HalfFloats.floatToBf16(value));
      }
    }
    return bytes.array();
  }
}
