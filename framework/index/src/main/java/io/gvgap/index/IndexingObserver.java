package io.gvgap.index;

import io.gvgap.core.input.JsonFiles;
import io.gvgap.core.pipeline.RunObserver;
import io.gvgap.core.results.DiversityFile;
import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.ResultGroup;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps a run's Lucene sample index ({@code RUN_DIR/index}) in step with its run store, batch by
 * batch (re-adding is idempotent, so a resumed run leaves no duplicates), and at the end writes the
 * run's effective diversity to {@code RUN_DIR/diversity.json}.
 */
public final class IndexingObserver implements RunObserver {

  /** The index's folder inside a run directory. */
  public static final String INDEX_DIRECTORY = "index";
  /** The diversity file inside a run directory ({@link DiversityFile}). */
  public static final String DIVERSITY_JSON = DiversityFile.FILE;
  /**
   * The duplicate-cluster file inside a run directory: for each example, the clusters of two or more
   * near-duplicate samples, each as its representative's sample index and its members' indices.
   */
  public static final String DUPLICATES_JSON = "duplicates.json";

  private final DuplicateDetector detector;
  private SampleIndex index;

  /** An observer with the default near-duplicate settings. */
  public IndexingObserver() {
    this(DuplicateDetector.withDefaults());
  }

  /** An observer with the given duplicate detector (its settings define "distinct"). */
  public IndexingObserver(DuplicateDetector detector) {
    this.detector = detector;
  }

  @Override
  public synchronized void batchStored(
      Path runDirectory, List<SampleRecord> samples, List<ScoreRecord> scores) {
    if (index == null) {
      index = SampleIndex.open(runDirectory.resolve(INDEX_DIRECTORY));
    }
    index.add(samples);
    index.addScores(scores);
    index.commit();
  }

  @Override
  public void runFinished(Path runDirectory) {
    writeDiversity(runDirectory, detector);
    writeDuplicates(runDirectory, detector);
  }

  /** Writes {@code duplicates.json}: per example, its clusters of near-duplicate samples. */
  public static void writeDuplicates(Path runDirectory, DuplicateDetector detector) {
    List<Map<String, Object>> examples = new ArrayList<>();
    RunRecords.read(runDirectory).examples().forEach(example -> {
      ExampleKey key = example.key();
      List<SampleRecord> samples = example.samples();
      if (samples.isEmpty()) {
        return;
      }
      List<Map<String, Object>> clusters = new ArrayList<>();
      for (DuplicateCluster<SampleRecord> c : detector.clusters(samples)) {
        if (c.size() > 1) {
          clusters.add(Map.of(
              "representative",
              c.representative().sampleIndex(),
              "members",
              c.members().stream().map(SampleRecord::sampleIndex).sorted().toList()));
        }
      }
      if (!clusters.isEmpty()) {
        examples.add(Map.of(
            "model",
            key.model(),
            "task",
            key.task(),
            "exampleId",
            key.exampleId(),
            "clusters",
            clusters));
      }
    });
    writeJson(runDirectory.resolve(DUPLICATES_JSON), Map.of("examples", examples));
  }

  private static void writeJson(Path target, Object value) {
    try {
      Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
      Files.writeString(
          tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
      Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  @Override
  public synchronized void close() {
    if (index != null) {
      index.close();
      index = null;
    }
  }

  /** Computes and writes {@code diversity.json} of a run directory; returns the summaries. */
  public static List<DiversitySummary> writeDiversity(
      Path runDirectory, DuplicateDetector detector) {
    List<DiversitySummary> summaries = new ArrayList<>();
    for (ResultGroup group : RunRecords.read(runDirectory).groups()) {
      List<SampleRecord> samples =
          group.examples().stream().flatMap(e -> e.samples().stream()).toList();
      if (!samples.isEmpty()) {
        summaries.add(Diversity.summary(group.model(), group.task(), samples, detector));
      }
    }
    JsonFiles.write(runDirectory.resolve(DIVERSITY_JSON), new DiversityFile(summaries));
    return summaries;
  }
}
