package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.onnx.cli.ModelInitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gvgap demo} end to end on tiny random models and small specs in a {@code --specs} folder:
 * the three parts run, their tables and report paths are printed, and the Sudoku part is skipped
 * when the folder has no demo-sudoku.yaml.
 */
class DemoCommandTest {

  @TempDir
  Path tmp;

  private void writeSpecs(Path specs, boolean withSudoku) throws Exception {
    ModelInitRunner.run(tmp.resolve("a"), 1, 16, 2, 128, 0, true, 1);
    ModelInitRunner.run(tmp.resolve("b"), 1, 24, 2, 128, 0, true, 2);
    ModelInitRunner.run(tmp.resolve("sudoku"), 1, 16, 2, 256, 0, true, 3);
    Files.createDirectories(specs);
    String dir = tmp.toString().replace("\\", "/");
    Files.writeString(specs.resolve("demo-improve.yaml"), """
        name: tiny-improve
        improve: {rounds: 1, verifier: majority, filter: best-of-n, distillation: {steps: 2, batch: 2}}
        models: [{label: a, backend: onnx, options: {path: "%1$s/a", threads: 1}}]
        tasks: [{name: arithmetic, limit: 2, options: {digits: 1, shots: 0}}]
        generation: {samples: 2, max_tokens: 6}
        verifiers: [{name: majority}, {name: oracle}]
        filters: [{name: best-of-n}]
        metrics: {bootstrap: 20}
        """.formatted(dir));
    Files.writeString(specs.resolve("demo-scaling.yaml"), """
        name: tiny-scaling
        models:
          - {label: a, backend: onnx, options: {path: "%1$s/a", threads: 1}}
          - {label: b, backend: onnx, options: {path: "%1$s/b", threads: 1}}
        tasks: [{name: arithmetic, limit: 2, options: {digits: 1, shots: 0}}]
        generation: {samples: 2, max_tokens: 6}
        verifiers: [{name: oracle}, {name: majority}]
        filters: [{name: best-of-n}]
        metrics: {bootstrap: 20}
        scaling:
          flops: {a: 1.0e9, b: 1.0e10}
        """.formatted(dir));
    if (withSudoku) {
      Files.writeString(specs.resolve("demo-sudoku.yaml"), """
          name: tiny-sudoku
          improve: {rounds: 1, verifier: majority, filter: best-of-n, distillation: {steps: 2, batch: 2}}
          models: [{label: s, backend: onnx, options: {path: "%1$s/sudoku", threads: 1}}]
          tasks: [{name: sudoku4, limit: 2, options: {shots: 0, verification_shots: 0}}]
          generation: {samples: 2, max_tokens: 20}
          verifiers: [{name: majority}, {name: oracle}]
          filters: [{name: best-of-n}]
          metrics: {bootstrap: 20}
          """.formatted(dir));
    }
  }

  @Test
  void theDemoRunsItsThreePartsAndPrintsTheirTablesAndReports() throws Exception {
    Path specs = tmp.resolve("specs");
    writeSpecs(specs, true);
    Path out = tmp.resolve("out");
    InProcessGvgap.Result r = InProcessGvgap.run(
        "--quiet", "demo", "--specs", specs.toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "improvement 'tiny-improve'",
            "scaling 'tiny-scaling' over 2 models",
            "improvement 'tiny-sudoku'",
            "sudoku4",
            ", sudoku ",
            "sudoku improvement report: ");
    for (String part : new String[] {"improve", "scaling", "sudoku"}) {
      assertThat(out.resolve(part).resolve("report.html")).isRegularFile();
    }
    assertThat(out.resolve("sudoku/rounds.json")).content().contains("\"round\" : 1");
  }

  @Test
  void withoutASudokuSpecTheDemoRunsTheOtherTwoParts() throws Exception {
    Path specs = tmp.resolve("specs");
    writeSpecs(specs, false);
    Path out = tmp.resolve("out");
    InProcessGvgap.Result r = InProcessGvgap.run(
        "--quiet", "demo", "--specs", specs.toString(), "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("improvement 'tiny-improve'", "scaling report: ")
        .doesNotContain("sudoku");
    assertThat(out.resolve("sudoku")).doesNotExist();
  }
}
