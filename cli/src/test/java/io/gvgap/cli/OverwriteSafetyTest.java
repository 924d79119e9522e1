package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that write a directory or file refuse to destroy what is there unless asked. */
class OverwriteSafetyTest {

  @TempDir
  Path tmp;

  private Path model;
  private Path data;

  @BeforeEach
  void tinyModelAndData() throws Exception {
    model = tmp.resolve("model");
    assertThat(InProcessGvgap.run(
                "--quiet",
                "models",
                "init",
                model.toString(),
                "--layers",
                "1",
                "--width",
                "16",
                "--heads",
                "2",
                "--context",
                "64")
            .code())
        .isZero();
    data = tmp.resolve("kept.jsonl");
    Files.write(
        data,
        List.of(
            "{\"prompt\": \"1+1=\", \"response\": \"2\"}",
            "{\"prompt\": \"2+1=\", \"response\": \"3\"}"));
  }

  @Test
  void distillNeverWritesIntoItsInputModel() throws Exception {
    Map<Path, byte[]> before = contents(model);
    for (boolean overwrite : new boolean[] {false, true}) {
      InProcessGvgap.Result r = overwrite
          ? InProcessGvgap.run(
              "--quiet",
              "distill",
              "--model",
              model.toString(),
              "--data",
              data.toString(),
              "--out",
              model.toString(),
              "--overwrite")
          : InProcessGvgap.run(
              "--quiet",
              "distill",
              "--model",
              model.toString(),
              "--data",
              data.toString(),
              "--out",
              model.toString());
      assertThat(r.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
      assertThat(r.err()).contains("is the input model").contains("never writes into its input");
    }
    InProcessGvgap.Result inside = InProcessGvgap.run(
        "--quiet",
        "distill",
        "--model",
        model.toString(),
        "--data",
        data.toString(),
        "--out",
        model.resolve("sub").toString());
    assertThat(inside.err()).contains("inside the input model");
    Map<Path, byte[]> after = contents(model);
    assertThat(after).containsOnlyKeys(before.keySet());
    before.forEach((file, bytes) -> assertThat(after.get(file)).isEqualTo(bytes));
  }

  @Test
  void distillRefusesAnExistingModelUnlessOverwriteIsGiven() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(InProcessGvgap.run(
                "--quiet",
                "distill",
                "--model",
                model.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString())
            .code())
        .isZero();
    Map<Path, byte[]> first = contents(out);
    assertThat(first).containsKey(Path.of("model.onnx"));
    assertThat(Files.exists(tmp.resolve(".out.partial"))).isFalse();

    InProcessGvgap.Result refused = InProcessGvgap.run(
        "--quiet",
        "distill",
        "--model",
        model.toString(),
        "--data",
        data.toString(),
        "--out",
        out.toString(),
        "--seed",
        "2");
    assertThat(refused.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(refused.err())
        .contains("already exists and is not empty (it holds a model)")
        .contains("--overwrite");
    assertThat(contents(out).get(Path.of("model.onnx")))
        .isEqualTo(first.get(Path.of("model.onnx")));

    InProcessGvgap.Result replaced = InProcessGvgap.run(
        "--quiet",
        "distill",
        "--model",
        model.toString(),
        "--data",
        data.toString(),
        "--out",
        out.toString(),
        "--seed",
        "2",
        "--overwrite");
    assertThat(replaced.code()).isZero();
    assertThat(contents(out).get(Path.of("model.onnx")))
        .isNotEqualTo(first.get(Path.of("model.onnx")));
    assertThat(Files.exists(tmp.resolve(".out.replaced"))).isFalse();
  }

  @Test
  void modelsInitRefusesANonEmptyDirectoryUnlessOverwriteIsGiven() throws Exception {
    Map<Path, byte[]> before = contents(model);
    InProcessGvgap.Result refused =
        InProcessGvgap.run("--quiet", "models", "init", model.toString(), "--seed", "9");
    assertThat(refused.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(refused.err())
        .contains(model + " is not empty (it holds a model")
        .contains("--overwrite");
    assertThat(contents(model).get(Path.of("model.onnx")))
        .isEqualTo(before.get(Path.of("model.onnx")));
    assertThat(InProcessGvgap.run(
                "--quiet", "models", "init", model.toString(), "--seed", "9", "--overwrite")
            .code())
        .isZero();
    assertThat(contents(model).get(Path.of("model.onnx")))
        .isNotEqualTo(before.get(Path.of("model.onnx")));
  }

  private static Map<Path, byte[]> contents(Path dir) throws Exception {
    Map<Path, byte[]> files = new HashMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
