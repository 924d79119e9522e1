package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing {@code i/n}, the round-robin slice, and how run.json records a shard. */
class ShardTest {

  @Test
  void parsesIndexAndCount() {
    assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
    assertThat(Shard.parse(" 0 / 1 ")).isEqualTo(Shard.whole());
    assertThat(Shard.parse("3/4").label()).isEqualTo("3/4");
  }

  @Test
  void badValuesSayWhatIsWrongAndTheExpectedForm() {
    assertThatThrownBy(() -> Shard.parse("3/2"))
        .hasMessageContaining("shard index 3 is not in 0..1")
        .hasMessageContaining("expected I/N with 0 <= I < N");
    assertThatThrownBy(() -> Shard.parse("-1/4"))
        .hasMessageContaining("shard index -1 is not in 0..3")
        .hasMessageContaining("e.g. 0/4");
    assertThatThrownBy(() -> Shard.parse("a/b"))
        .hasMessageContaining("'a/b' is not a shard")
        .hasMessageContaining("expected I/N");
    assertThatThrownBy(() -> Shard.parse("0/0"))
        .hasMessageContaining("shard count 0 must be at least 1");
    assertThatThrownBy(() -> Shard.parse("4")).hasMessageContaining("'4' is not a shard");
    assertThatThrownBy(() -> Shard.parse("1/99999999999")).hasMessageContaining("too large");
  }

  @Test
  void shardsPartitionPositionsRoundRobin() {
    // 10 positions over 3 shards, by hand: {0,3,6,9}, {1,4,7}, {2,5,8}
    List<List<Integer>> taken = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      List<Integer> positions = new ArrayList<>();
      for (int p = 0; p < 10; p++) {
        if (new Shard(i, 3).includes(p)) {
          positions.add(p);
        }
      }
      taken.add(positions);
    }
    assertThat(taken).containsExactly(List.of(0, 3, 6, 9), List.of(1, 4, 7), List.of(2, 5, 8));
    assertThat(Shard.whole().includes(7)).isTrue();
  }

  @Test
  void defaultDirectoryIsUnderTheSpecOutput() {
    assertThat(new Shard(1, 4).directoryUnder(Path.of("runs", "toy")))
        .isEqualTo(Path.of("runs", "toy", "shard-1-of-4"));
  }

  @Test
  void runJsonRecordsTheShardOnlyForAShardAndReadsItBack() throws Exception {
    java.time.Instant t = java.time.Instant.parse("2025-01-01T00:00:00Z");
    RunInfo sharded = new RunInfo(
        RunStore.FORMAT,
        1,
        "toy",
        "h",
        RunStatus.SUCCESS,
        t,
        t,
        1,
        null,
        "v",
        new Shard(1, 4),
        null,
        null);
    String json = Json.mapper().writeValueAsString(sharded);
    assertThat(json).contains("\"shard\":{\"index\":1,\"count\":4}").doesNotContain("mergedFrom");
    assertThat(Json.mapper().readValue(json, RunInfo.class)).isEqualTo(sharded);
    RunInfo plain = new RunInfo(
        RunStore.FORMAT, 1, "toy", "h", RunStatus.SUCCESS, t, t, 1, null, "v", null, null, null);
    assertThat(Json.mapper().writeValueAsString(plain))
        .doesNotContain("shard")
        .doesNotContain("mergedFrom");
    assertThat(plain.effectiveShard()).isEqualTo(Shard.whole());
  }
}
