package io.gvgap.studies;

import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.JsonLinesReader;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The examples, samples and one verifier's scores of one (model, task) of a run directory, by
 * example in the run's example order and by sample index: what kept-sample selection and the
 * diversity measure read.
 *
 * @param examples the examples of the task, in the run's order
 * @param samples per example id, its samples sorted by sample index
 * @param scores per verifier label, per example id, the scores by sample index
 */
public record RunDirectoryContents(List<ExampleRecord> examples, Map<String, List<SampleRecord>> samples,
    Map<String, Map<String, List<SampleScore>>> scores) {

  /** Reads the records of {@code model} on {@code task} from a run directory. */
  public static RunDirectoryContents read(Path runDir, String model, String task) {
    if (!Files.exists(runDir.resolve(RunStore.SAMPLES))) {
      throw new IllegalArgumentException(runDir + " has no " + RunStore.SAMPLES + ": it is not a finished gvgap run");
    }
    List<ExampleRecord> examples = new ArrayList<>();
    JsonLinesReader.read(runDir.resolve(RunStore.EXAMPLES), ExampleRecord.class, e -> {
      if (e.task().equals(task)) {
        examples.add(e);
      }
    });
    examples.sort(Comparator.comparingInt(ExampleRecord::position));
    Map<String, List<SampleRecord>> samples = new HashMap<>();
    JsonLinesReader.read(runDir.resolve(RunStore.SAMPLES), SampleRecord.class, s -> {
      if (s.model().equals(model) && s.task().equals(task)) {
        samples.computeIfAbsent(s.exampleId(), k -> new ArrayList<>()).add(s);
      }
    });
    samples.values().forEach(list -> list.sort(Comparator.comparingInt(SampleRecord::sampleIndex)));
    Map<String, Map<String, List<SampleScore>>> scores = new LinkedHashMap<>();
    JsonLinesReader.read(runDir.resolve(RunStore.SCORES), ScoreRecord.class, r -> {
      if (r.model().equals(model) && r.task().equals(task)) {
        List<SampleScore> sorted = new ArrayList<>(r.scores());
        sorted.sort(Comparator.comparingInt(SampleScore::sampleIndex));
        scores.computeIfAbsent(r.verifier(), k -> new HashMap<>()).put(r.exampleId(), sorted);
      }
    });
    return new RunDirectoryContents(examples, samples, scores);
  }
}
