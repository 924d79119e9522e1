package io.gvgap.onnx.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a Hugging Face checkpoint directory: {@value #SINGLE}, or the shards that
 * {@value #INDEX} maps each tensor to ({@code "weight_map": {name: file}}). Tensors are read one at
 * a time, memory-mapped from their shard.
 */
public final class SafetensorsCheckpoint {
  /** A single-file checkpoint's weights. */
  public static final String SINGLE = "model.safetensors";

  /** A sharded checkpoint's index. */
  public static final String INDEX = "model.safetensors.index.json";

  private final Path directory;
  private final Map<String, SafetensorsFile> byTensor;

  private SafetensorsCheckpoint(Path directory, Map<String, SafetensorsFile> byTensor) {
    this.directory = directory;
    this.byTensor = byTensor;
  }

  /** Whether {@code directory} holds a safetensors checkpoint ({@value #SINGLE} or {@value #INDEX}). */
  public static boolean isCheckpoint(Path directory) {
    return Files.isRegularFile(directory.resolve(SINGLE))
        || Files.isRegularFile(directory.resolve(INDEX));
  }

  /**
   * Opens the checkpoint in {@code directory}: the index (when there is one) and every shard's
   * header, checking that each tensor the index names is in the shard it names.
   *
   * @throws ModelLoadException naming the file and what to do, when the directory has no
   *     checkpoint, the index is malformed, or a shard is missing or disagrees with it
   */
  public static SafetensorsCheckpoint open(Path directory) {
    Path index = directory.resolve(INDEX);
    Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
    if (Files.isRegularFile(index)) {
      JsonNode weightMap;
      try {
        weightMap = new ObjectMapper().readTree(index.toFile()).path("weight_map");
      } catch (IOException e) {
        throw new ModelLoadException(index + " is not valid JSON: " + e.getMessage(), e);
      }
      if (!weightMap.isObject() || weightMap.isEmpty()) {
        throw new ModelLoadException(
            index + " has no \"weight_map\" object mapping tensor names to shard files");
      }
      Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
      var fields = weightMap.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String shardName = field.getValue().asText("");
        Path shard = directory.resolve(shardName).normalize();
        if (shardName.isEmpty() || !shard.getParent().equals(directory.normalize())) {
          throw new ModelLoadException(index + ": tensor " + field.getKey() + " maps to \""
              + shardName + "\", not a file name in " + directory);
        }
        SafetensorsFile file = shards.get(shardName);
        if (file == null) {
          if (!Files.isRegularFile(shard)) {
            throw new ModelLoadException(index + " maps tensor " + field.getKey() + " to "
                + shardName + ", which is missing from " + directory
                + "; copy every shard of the checkpoint");
          }
          file = SafetensorsFile.open(shard);
          shards.put(shardName, file);
        }
        if (!file.tensors().containsKey(field.getKey())) {
          throw new ModelLoadException(index + " maps tensor " + field.getKey() + " to " + shardName
              + ", which does not hold it; the index and the shards disagree");
        }
        byTensor.put(field.getKey(), file);
      }
    } else if (Files.isRegularFile(directory.resolve(SINGLE))) {
      SafetensorsFile file = SafetensorsFile.open(directory.resolve(SINGLE));
      file.tensors().keySet().forEach(name -> byTensor.put(name, file));
    } else {
      throw new ModelLoadException(directory + " has no " + SINGLE + " or " + INDEX
          + ": it is not a Hugging Face safetensors checkpoint (PyTorch .bin checkpoints are not"
          + " read; convert them to safetensors)");
    }
    return new SafetensorsCheckpoint(directory, Collections.unmodifiableMap(byTensor));
  }

  /** The checkpoint directory. */
  public Path directory() {
    return directory;
  }

  /** Every tensor's header entry, by name. */
  public Map<String, TensorInfo> tensors() {
    Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    byTensor.forEach((name, file) -> tensors.put(name, file.info(name)));
    return tensors;
  }

  /** Whether the checkpoint has tensor {@code name}. */
  public boolean has(String name) {
    return byTensor.containsKey(name);
  }

  /** Tensor {@code name}'s header entry; a missing one is an error naming the checkpoint. */
  public TensorInfo info(String name) {
    return file(name).info(name);
  }

  /** Tensor {@code name}'s elements as floats, row-major. */
  public float[] readFloats(String name) {
    return file(name).readFloats(name);
  }

  private SafetensorsFile file(String name) {
    SafetensorsFile file = byTensor.get(name);
    if (file == null) {
      throw new ModelLoadException(directory + ": the checkpoint has no tensor " + name
          + " (it has " + byTensor.size() + "); its weights do not match its config.json");
    }
    return file;
  }
}
