package io.gvgap.core.pipeline;

import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * Receives a run's records as each batch is stored, so that other components (the Lucene sample
 * index, live dashboards) stay consistent with the run store. On resume a batch is delivered again
 * with everything stored for it, so observers must be idempotent.
 */
public interface RunObserver {

  /** A batch's samples and scores, all of them already durable in the run store. */
  void batchStored(Path runDirectory, List<SampleRecord> samples, List<ScoreRecord> scores);

  /** The run finished (successfully); the run directory is complete. */
  default void runFinished(Path runDirectory) {}

  /** The run stopped, successfully or not; release resources. */
  default void close() {}
}
