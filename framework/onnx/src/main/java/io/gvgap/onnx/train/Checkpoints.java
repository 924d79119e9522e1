package io.gvgap.onnx.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Training checkpoints under {@code <out>/checkpoints/}: each {@code step-NNNNNNNN/} is an ordinary
 * model directory (loadable by the onnx backend) plus {@code optimizer.bin} (Adam moments, float32
 * big-endian, parameters in {@link DecoderParameters} order, first then second moment) and
 * {@code trainer-state.json}. The file {@code LATEST} names the newest complete checkpoint; it is
 * replaced atomically only after the checkpoint is fully written, so a crash at any moment leaves
 * a usable one.
 */
public final class Checkpoints {
  /** The checkpoints folder inside a training output directory. */
  public static final String FOLDER = "checkpoints";

  private static final String LATEST = "LATEST";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A restored checkpoint.
   *
   * @param step steps taken when it was written
   * @param tokensSeen tokens trained on by then
   * @param recentLosses the last losses, oldest first
   * @param parameters the parameters
   * @param firstMoments Adam first moments
   * @param secondMoments Adam second moments
   * @param fingerprint the run's settings; a resume must match them
   */
  public record State(
      long step,
      long tokensSeen,
      List<Double> recentLosses,
      Map<String, float[]> parameters,
      Map<String, float[]> firstMoments,
      Map<String, float[]> secondMoments,
      String fingerprint) {}

  private Checkpoints() {}

  /** Writes a checkpoint of the session's state and makes it the latest; deletes older ones. */
  static void write(
      Path outDirectory,
      TrainingSession session,
      TrainableModel model,
      long tokensSeen,
      List<Double> recentLosses,
      String fingerprint)
      throws IOException {
    Path folder = outDirectory.resolve(FOLDER);
    String name = String.format("step-%08d", session.steps());
    Path target = folder.resolve(name);
    if (Files.exists(target)) {
      deleteTree(target);
    }
    model.write(target, session.parameters(), ModelCard.EMPTY.withCheckpointStep(session.steps()));
    try (DataOutputStream out = new DataOutputStream(
        new java.io.BufferedOutputStream(Files.newOutputStream(target.resolve("optimizer.bin"))))) {
      for (Map<String, float[]> moments :
          List.of(session.firstMoments(), session.secondMoments())) {
        for (float[] values : moments.values()) {
          for (float value : values) {
            out.writeFloat(value);
          }
        }
      }
    }
    ObjectNode state = JSON.createObjectNode();
    state.put("step", session.steps());
    state.put("tokensSeen", tokensSeen);
    state.put("fingerprint", fingerprint);
    recentLosses.forEach(state.putArray("recentLosses")::add);
    JSON.writeValue(target.resolve("trainer-state.json").toFile(), state);
    Path pointer = folder.resolve(LATEST + ".tmp");
    Files.writeString(pointer, name);
    Files.move(
        pointer,
        folder.resolve(LATEST),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path old : entries
          .filter(p -> p.getFileName().toString().startsWith("step-")
              && !p.getFileName().toString().equals(name))
          .toList()) {
        deleteTree(old);
      }
    }
  }

  /** The latest complete checkpoint of a gvgap decoder's output directory, if any. */
  public static Optional<State> latest(Path outDirectory) throws IOException {
    Path pointer = outDirectory.resolve(FOLDER).resolve(LATEST);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    Path directory =
        outDirectory.resolve(FOLDER).resolve(Files.readString(pointer).trim());
    DecoderConfig config = ModelDirectory.readConfig(directory);
    return latest(outDirectory, new OwnDecoderModel(config, null));
  }

  /** The latest complete checkpoint of {@code model}'s output directory, if any. */
  public static Optional<State> latest(Path outDirectory, TrainableModel model) throws IOException {
    Path pointer = outDirectory.resolve(FOLDER).resolve(LATEST);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    Path directory =
        outDirectory.resolve(FOLDER).resolve(Files.readString(pointer).trim());
    Map<String, float[]> parameters = model.readParameters(directory);
    Map<String, float[]> first = new LinkedHashMap<>();
    Map<String, float[]> second = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
        Files.newInputStream(directory.resolve("optimizer.bin"))))) {
      for (Map<String, float[]> moments : List.of(first, second)) {
        for (Map.Entry<String, long[]> entry : model.shapes().entrySet()) {
          float[] values = new float[parameters.get(entry.getKey()).length];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readFloat();
          }
          moments.put(entry.getKey(), values);
        }
      }
    }
    JsonNode state = JSON.readTree(directory.resolve("trainer-state.json").toFile());
    List<Double> losses = new ArrayList<>();
    state.path("recentLosses").forEach(node -> losses.add(node.asDouble()));
    return Optional.of(new State(
        state.path("step").asLong(),
        state.path("tokensSeen").asLong(),
        losses,
        parameters,
        first,
        second,
        state.path("fingerprint").asText()));
  }

  /** Removes the checkpoints folder (after the final model is written). */
  static void deleteAll(Path outDirectory) throws IOException {
    Path folder = outDirectory.resolve(FOLDER);
    if (Files.exists(folder)) {
      deleteTree(folder);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
