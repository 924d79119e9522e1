package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.models.ModelFamily;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * The specs of examples/specs/rebuilt name family members that are not committed: each fails to
   * validate only on such a member (one {@code models pretrain} rebuilds), and validates completely
   * once that member's path names an existing directory.
   */
  @Test
  void rebuiltSpecsLackOnlyMembersThatPretrainRebuilds() throws IOException {
    Path folder = Path.of("..", "examples", "specs", "rebuilt");
    List<Path> specs;
    try (Stream<Path> files = Files.list(folder)) {
      specs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(specs).isNotEmpty();
    Path models = Path.of("..", "models").toAbsolutePath().normalize();
    Pattern missing = Pattern.compile(
        "no such file or directory: " + Pattern.quote(models.toString()) + "/([A-Za-z0-9-]+) ");
    for (Path spec : specs) {
      String text = Files.readString(spec);
      InProcessGvgap.Result original = InProcessGvgap.run("validate", spec.toString());
      String member = "";
      if (original.code() != 0) {
        Matcher matcher = missing.matcher(original.err());
        assertThat(matcher.find()).as(spec + ": " + original.err()).isTrue();
        member = matcher.group(1);
        assertThat(ModelFamily.named(member))
            .as(spec + " names " + member + ", which `gvgap models pretrain` cannot rebuild")
            .isPresent();
        assertThat(text)
            .as(spec + " says how to rebuild " + member)
            .contains("./gvgap models pretrain --threads 2 --out models " + member);
        // the same spec with that member's path on a committed member of the same recipe
        text = text.replace("models/" + member + ",", "models/arith4-2x32,");
      }
      Path copy = Files.createDirectories(tmp.resolve("rebuilt")).resolve(spec.getFileName());
      Files.writeString(copy, text.replace("../../../models/", models + "/"));
      InProcessGvgap.Result complete = InProcessGvgap.run("validate", copy.toString());
      assertThat(complete.code())
          .as(spec + " without " + member + ": " + complete.err())
          .isZero();
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
