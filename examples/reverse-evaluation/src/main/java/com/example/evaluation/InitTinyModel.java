package com.example.evaluation;

import io.gvgap.onnx.cli.ModelInitRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a tiny, untrained gvgap decoder (character vocabulary, one layer) so that the example
 * evaluation runs without downloading anything. Its answers are noise: it shows the plumbing, not a
 * gap. Replace it with a trained model by pointing the {@code gvgap.model.path} property elsewhere.
 */
public final class InitTinyModel {

  private InitTinyModel() {
  }

  /** {@code InitTinyModel DIRECTORY}: writes the model unless the directory already holds one. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: InitTinyModel DIRECTORY");
    }
    Path directory = Path.of(args[0]);
    if (Files.isRegularFile(directory.resolve("config.json"))) {
      System.out.println("model already in " + directory);
      return;
    }
    // 1 layer, width 32, 2 heads, 256 positions (the few-shot prompt is about 160 characters), seed 1
    long parameters = ModelInitRunner.run(directory, 1, 32, 2, 256, 0, true, 1L);
    System.out.println("wrote a " + parameters + "-parameter untrained model to " + directory);
  }
}
