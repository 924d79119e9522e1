package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Checkpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reading and writing the files a study's stages leave behind, and deciding which stages are done. */
final class StudyFiles {

  private StudyFiles() {
  }

  /** Whether {@code runDir} holds a finished run (status success and its metrics written). */
  static boolean runFinished(Path runDir) {
    if (!RunDirectory.isRunDirectory(runDir)) {
      return false;
    }
    RunDirectory run = RunDirectory.open(runDir);
    return run.manifest().info().status() == RunStatus.SUCCESS && run.metrics().isPresent();
  }

  /** The metrics of a finished run. */
  static RunMetrics metrics(Path runDir) {
    try {
      return RunDirectory.open(runDir).metrics().orElseThrow(() -> new StudyException(runDir
          + " has no metrics.json although the round's run was reused as finished; rerun to recompute it"));
    } catch (RunStoreException e) {
      throw new StudyException(e.getMessage(), e);
    }
  }

  /**
   * Whether a training run into {@code modelDir} has finished: the model card exists (it is written
   * last with the model) and no checkpoint is left (the trainer deletes them once the model is written).
   */
  static boolean modelFinished(Path modelDir) {
    return Files.exists(modelDir.resolve(ModelDirectory.MODEL_CARD_FILE))
        && Files.exists(modelDir.resolve(ModelDirectory.MODEL_FILE))
        && !Files.exists(modelDir.resolve(Checkpoints.FOLDER));
  }

  /** A model directory's card ({@code gvgap-model.json}). */
  static JsonNode modelCard(Path modelDir) {
    Path card = modelDir.resolve(ModelDirectory.MODEL_CARD_FILE);
    try {
      return new ObjectMapper().readTree(card.toFile());
    } catch (IOException e) {
      throw new StudyException("cannot read the model card " + card + " (" + e.getMessage() + ")", e);
    }
  }

  /** A number of the card, written as a number or a string; NaN when absent or not a number. */
  static double cardNumber(JsonNode card, String field) {
    JsonNode value = card.get(field);
    if (value == null || value.isNull()) {
      return Double.NaN;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    try {
      return Double.parseDouble(value.asText().trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Writes JSON through a temporary file and a rename. */
  static void writeJson(Path file, Object value) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value),
          StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
