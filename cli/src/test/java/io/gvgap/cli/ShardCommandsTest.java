package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.Shard;
import io.gvgap.index.IndexingObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code gvgap run --shard} and {@code gvgap merge} through the picocli entry point. */
@Tag("slow")
class ShardCommandsTest {

  @TempDir
  Path tmp;

  private static InProcessGvgap.Result gvgap(String... args) {
    return InProcessGvgap.run(args);
  }

  /** 7 examples: 3 shards of 3, 2 and 2; batches of 2 so that shard and unsharded batches differ. */
  private Path spec() throws IOException {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(file, """
        name: toy
        output: "%s"
        models:
          - backend: scripted
        tasks:
          - name: toy-sums
            limit: 7
        generation: {samples: 4, batch_examples: 2}
        verifiers:
          - name: scripted-judge
          - name: oracle
        filters:
          - name: threshold
            sweep: {tau: [0.5, 0.9]}
          - name: best-of-n
        metrics: {bootstrap: 100, pass_at_k: [1, 2]}
        """.formatted(tmp.resolve("runs").toString().replace("\\", "/")));
    return file;
  }

  @Test
  void threeShardsRunAndMergeIntoTheUnshardedRun() throws IOException {
    Path spec = spec();
    Path whole = tmp.resolve("whole");
    assertThat(gvgap("--quiet", "run", spec.toString(), "-o", whole.toString()).code())
        .isZero();
    for (int i = 0; i < 3; i++) {
      InProcessGvgap.Result r = gvgap("--quiet", "run", spec.toString(), "--shard", i + "/3");
      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isZero();
      assertThat(r.out()).contains("run 'toy' shard " + i + "/3 finished");
      Path dir = tmp.resolve("runs").resolve("shard-" + i + "-of-3");
      assertThat(RunStore.readInfo(dir).shard()).isEqualTo(new Shard(i, 3));
      assertThat(dir.resolve("report.html")).content().contains("<th>Shard</th><td>" + i + "/3");
    }
    Path merged = tmp.resolve("merged");
    InProcessGvgap.Result r =
        gvgap("--quiet", "merge", merged.toString(), shardDir(0), shardDir(1), shardDir(2));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "merged 3 shards of run 'toy': 7 examples, 28 samples",
            "scripted on toy-sums: 7 prompts",
            "report: ");
    assertThat(Json.mapper().readTree(merged.resolve(RunStore.METRICS_JSON).toFile()))
        .isEqualTo(Json.mapper().readTree(whole.resolve(RunStore.METRICS_JSON).toFile()));
    assertThat(Json.mapper()
            .readTree(merged.resolve(IndexingObserver.DIVERSITY_JSON).toFile()))
        .isEqualTo(Json.mapper()
            .readTree(whole.resolve(IndexingObserver.DIVERSITY_JSON).toFile()));
    assertThat(merged.resolve(RunStore.SAMPLES))
        .hasSameTextualContentAs(whole.resolve(RunStore.SAMPLES));
    assertThat(merged.resolve(RunStore.SCORES))
        .hasSameTextualContentAs(whole.resolve(RunStore.SCORES));
    assertThat(RunStore.readInfo(merged).status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(merged.resolve("report.html"))
        .content()
        .contains("<th>Merged from</th><td>3 shards: 0/3 ");
  }

  @Test
  void mergeErrorsNameTheDirectoryAndExitWith4() throws IOException {
    Path spec = spec();
    for (int i = 0; i < 2; i++) {
      assertThat(gvgap("--quiet", "run", spec.toString(), "--shard", i + "/3").code())
          .isZero();
    }
    InProcessGvgap.Result missing =
        gvgap("--quiet", "merge", tmp.resolve("m").toString(), shardDir(0), shardDir(1));
    assertThat(missing.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(missing.err()).contains("shard 2/3 is missing", "gvgap run SPEC --shard 2/3");
    InProcessGvgap.Result twice = gvgap(
        "--quiet", "merge", tmp.resolve("m").toString(), shardDir(0), shardDir(1), shardDir(1));
    assertThat(twice.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(twice.err()).contains("shard 1/3 is given twice");
    InProcessGvgap.Result resumedAsOther =
        gvgap("--quiet", "run", spec.toString(), "--shard", "2/3", "-o", shardDir(1));
    assertThat(resumedAsOther.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(resumedAsOther.err())
        .contains("holds shard 1/3 of run 'toy'; it cannot be resumed as shard 2/3");
    InProcessGvgap.Result noShards = gvgap("merge", tmp.resolve("m").toString());
    assertThat(noShards.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noShards.err()).contains("SHARD_DIR");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3/2 | shard index 3 is not in 0..1",
        "-1/4 | shard index -1 is not in 0..3",
        "a/b | 'a/b' is not a shard",
        "0/0 | shard count 0 must be at least 1"
      })
  void badShardValuesAreUsageErrorsNamingTheFlagAndTheForm(String value, String problem)
      throws IOException {
    InProcessGvgap.Result r = gvgap("--quiet", "run", spec().toString(), "--shard", value);
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--shard", problem, "I/N");
    assertThat(tmp.resolve("runs")).doesNotExist();
  }

  private String shardDir(int i) {
    return tmp.resolve("runs").resolve("shard-" + i + "-of-3").toString();
  }
}
