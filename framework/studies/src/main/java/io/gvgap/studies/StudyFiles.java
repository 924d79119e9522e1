package io.gvgap.studies;

import io.gvgap.core.input.InputFileException;
import io.gvgap.core.input.JsonFiles;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading and writing the files a study's stages leave behind, and deciding which stages are done. */
final class StudyFiles {

  private StudyFiles() {
  }

  /** Whether {@code runDir} holds a finished run (status success and its metrics written). */
  static boolean runFinished(Path runDir) {
    if (!Files.exists(runDir.resolve(RunStore.RUN_JSON)) || !Files.exists(runDir.resolve(RunStore.METRICS_JSON))) {
      return false;
    }
    return RunStore.readInfo(runDir).status() == RunStatus.SUCCESS;
  }

  /** The metrics of a finished run. */
  static RunMetrics metrics(Path runDir) {
    try {
      return JsonFiles.read(runDir.resolve(RunStore.METRICS_JSON), RunMetrics.class);
    } catch (InputFileException e) {
      throw new StudyException(e.getMessage() + "; delete the file and rerun to recompute it", e);
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
  static ModelCard modelCard(Path modelDir) {
    try {
      return ModelDirectory.readCard(modelDir);
    } catch (IOException e) {
      throw new StudyException("cannot read the model card: " + e.getMessage(), e);
    }
  }

  /** A number of the card, NaN when the card does not record it. */
  static double orNaN(Number value) {
    return value == null ? Double.NaN : value.doubleValue();
  }

  /** Writes JSON through a temporary file and a rename. */
  static void writeJson(Path file, Object value) {
    JsonFiles.write(file, value);
  }
}
