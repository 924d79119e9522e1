package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths in a spec are relative to the spec file's folder: the repository's example specs validate
 * from a working directory other than the repository root (tests run in {@code cli/}), and
 * {@code gvgap validate} names the field and line of a file that does not exist.
 */
class ValidatePathsTest {

  @TempDir
  Path tmp;

  @Test
  void everyExampleSpecIsValidFromAnotherWorkingDirectory() throws IOException {
    List<Path> specs;
    try (Stream<Path> files = Files.list(Path.of("..", "examples", "specs"))) {
      specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(specs).isNotEmpty();
    for (Path spec : specs) {
      InProcessGvgap.Result result = InProcessGvgap.run("validate", spec.toString());
      assertThat(result.code()).as(spec + ": " + result.err()).isZero();
    }
  }

  @Test
  void validateNamesTheFieldOfAModelDirectoryThatDoesNotExist() throws IOException {
    Path spec =
        Files.writeString(Files.createDirectories(tmp.resolve("specs")).resolve("run.yaml"), """
        models:
          - {backend: onnx, options: {path: ../models/none}}
        tasks: [{name: arithmetic}]
        verifiers: [{name: oracle}]
        filters: [{name: quantile}]
        """);
    InProcessGvgap.Result result = InProcessGvgap.run("validate", spec.toString());
    assertThat(result.code()).as(result.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err())
        .contains(
            spec + ":2:",
            "models[0].options.path: no such file or directory: "
                + tmp.resolve("models/none").toAbsolutePath().normalize());
  }
}
