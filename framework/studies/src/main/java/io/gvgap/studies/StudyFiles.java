package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.core.input.JsonFiles;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.arch.ImportedModel;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing the files a study's stages leave behind, and deciding which stages are done. */
final class StudyFiles {

  private StudyFiles() {}

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
      return RunDirectory.open(runDir)
          .metrics()
          .orElseThrow(
              () -> new StudyException(
                  runDir
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
    return (Files.exists(modelDir.resolve(ModelDirectory.MODEL_CARD_FILE))
            || Files.exists(modelDir.resolve(ImportedModel.CARD_FILE)))
        && Files.exists(modelDir.resolve(ModelDirectory.MODEL_FILE))
        && !Files.exists(modelDir.resolve(Checkpoints.FOLDER));
  }

  /**
   * A model directory's card: {@code gvgap-model.json} of gvgap's own decoders, or the training
   * card ({@value ImportedModel#CARD_FILE}) of a distilled imported model.
   */
  static ModelCard modelCard(Path modelDir) {
    try {
      Path training = modelDir.resolve(ImportedModel.CARD_FILE);
      if (!Files.exists(modelDir.resolve(ModelDirectory.MODEL_CARD_FILE))
          && Files.exists(training)) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
            .readerFor(ModelCard.class)
            .without(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(training.toFile());
      }
      return ModelDirectory.readCard(modelDir);
    } catch (IOException e) {
      throw new StudyException("cannot read the model card: " + e.getMessage(), e);
    }
  }

  /** A number of the card, NaN when the card does not record it. */
  static double orNaN(Number value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  /**
   * The tree of an existing {@code rounds.json}, or null when there is none.
   *
   * @throws StudyException when it exists but cannot be read
   */
  static JsonNode recordedSplit(Path roundsFile) {
    if (!Files.exists(roundsFile)) {
      return null;
    }
    try {
      return new ObjectMapper().readTree(roundsFile.toFile());
    } catch (IOException e) {
      throw new StudyException(
          roundsFile + " cannot be read (" + e.getMessage()
              + "); restore it, or run the spec into a new output directory (-o)",
          e);
    }
  }

  /** Writes JSON through a temporary file and a rename. */
  static void writeJson(Path file, Object value) {
    JsonFiles.write(file, value);
  }
}
