package io.gvgap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gvgap-bench}: every benchmark is reachable and runs end to end on a tiny size. */
class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void helpListsTheBenchmarksAndNoBenchmarkIsAUsageError() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("generation", "training", "dedup");
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("name a benchmark: generation, training or dedup");
  }

  /** A one-step training benchmark of a tiny shape (8 positions). */
  private static final String[] TINY_TRAINING = {
    "training",
    "--layers",
    "1",
    "--width",
    "8",
    "--heads",
    "2",
    "--context",
    "16",
    "--rows",
    "2",
    "--length",
    "8",
    "--steps",
    "1",
    "--threads",
    "1"
  };

  @Test
  void trainingRunsATinyShapeAndPrintsItsFigures() {
    int code = run(TINY_TRAINING);
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("training tokens/s", "fraction of MatMul FLOP/s");
    // 8 positions: below TrainingForwardGraph.BLOCKED_FROM, one attention block
    assertThat(out.toString()).contains("attention blocks 1\n");
  }

  @Test
  void trainingTakesTheAttentionBlocksItIsGivenAndRefusesNegativeOnes() {
    String[] shape = TINY_TRAINING;
    String[] blocked = java.util.Arrays.copyOf(shape, shape.length + 2);
    blocked[shape.length] = "--attention-blocks";
    blocked[shape.length + 1] = "3";
    assertThat(run(blocked)).as(err.toString()).isZero();
    assertThat(out.toString()).contains("attention blocks 3\n");
    assertThat(System.getProperty(io.gvgap.onnx.train.TrainingForwardGraph.BLOCKS_PROPERTY))
        .isNull();
    blocked[shape.length + 1] = "-1";
    assertThat(run(blocked)).isEqualTo(2);
    assertThat(err.toString()).contains("--attention-blocks must be 0");
  }

  @Test
  void trainingRefusesASequenceLongerThanTheContext() {
    assertThat(run("training", "--context", "16", "--length", "32")).isEqualTo(2);
    assertThat(err.toString()).contains("--length 32 is longer than --context 16");
  }

  @Test
  void dedupRunsATinySizeAndPrintsItsTable() {
    int code = run("dedup", "--sizes", "40,60", "--cap", "5", "--seed", "3", "--warm-up", "20");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("gvgap-index dedup benchmark", "samples");
    assertThat(out.toString()
            .lines()
            .filter(line -> line.trim().startsWith("40 ") || line.trim().startsWith("60 ")))
        .hasSize(2);
  }

  @Test
  void dedupRefusesMalformedSizes() {
    assertThat(run("dedup", "--sizes", "10,x")).isEqualTo(2);
    assertThat(err.toString()).contains("--sizes");
  }

  private int run(String... args) {
    CommandLine commandLine = BenchCommand.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
