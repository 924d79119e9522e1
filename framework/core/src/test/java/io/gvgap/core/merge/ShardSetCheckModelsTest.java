package io.gvgap.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.core.store.Shard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards of one spec whose runs recorded different contents of a model were made with different
 * models and must not merge; shards that agree (or that recorded nothing) merge as before.
 */
class ShardSetCheckModelsTest {

  private static final String SPEC = "{\"name\":\"toy\",\"models\":[{\"label\":\"small\"}]}";
  private static final String SOURCE = "onnx {\"path\":\"models/arith-s\"}";
  private static final ModelFingerprint OLD = new ModelFingerprint(
      "small", SOURCE, "aaaaaaaaaaaa1111111111111111111111111111111111111111111111111111");
  private static final ModelFingerprint NEW = new ModelFingerprint(
      "small", SOURCE, "bbbbbbbbbbbb2222222222222222222222222222222222222222222222222222");

  @TempDir
  Path tmp;

  private Path finishedShard(int index, List<ModelFingerprint> models) {
    Path dir = tmp.resolve("shard-" + index + "-" + (models == null ? "none" : models.hashCode()));
    try (RunStore store = RunStore.openOrCreate(
        dir, "toy", SPEC, "name: toy\n", "[]", "test", new Shard(index, 2), models)) {
      store.finish(RunStatus.SUCCESS, null);
    }
    return dir;
  }

  private static List<ShardRun> check(Path... dirs) {
    return ShardSetCheck.check(List.of(dirs).stream().map(ShardRun::open).toList());
  }

  @Test
  void shardsRunWithDifferentModelContentsDoNotMerge() {
    Path first = finishedShard(0, List.of(OLD));
    Path second = finishedShard(1, List.of(NEW));
    assertThatThrownBy(() -> check(first, second))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining(
            second + " (shard 1/2) and " + first + " (shard 0/2) were run with different contents"
                + " of model 'small': fingerprint bbbbbbbbbbbb (" + SOURCE + ") vs aaaaaaaaaaaa ("
                + SOURCE + ")")
        .hasMessageContaining("Rerun the shards made with the other version of the model");
  }

  @Test
  void shardsThatAgreeMergeAndPassTheirFingerprintsOn() {
    List<ShardRun> ordered = check(finishedShard(1, List.of(OLD)), finishedShard(0, List.of(OLD)));
    assertThat(ordered).extracting(s -> s.shard().index()).containsExactly(0, 1);
    assertThat(ShardSetCheck.mergedModels(ordered)).containsExactly(OLD);
  }

  @Test
  void aShardWithoutARecordIsNotCheckedAndTheMergeRecordsNothing() {
    List<ShardRun> ordered = check(finishedShard(0, null), finishedShard(1, List.of(NEW)));
    assertThat(ShardSetCheck.mergedModels(ordered)).isNull();
  }
}
