package io.gvgap.studies;

import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.ResultGroup;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The examples of one (model, task) of a run directory, each with its samples, scores and stored
 * weights, in the run's example order, read through the run-directory model of gvgap-core: what
 * kept-sample selection and the diversity measure read.
 *
 * @param results the examples with their records, in the task's order
 */
public record RunDirectoryContents(List<ExampleResults> results) {

  /** Copies the list. */
  public RunDirectoryContents {
    results = List.copyOf(Objects.requireNonNull(results, "results"));
  }

  /**
   * Reads the records of {@code model} on {@code task} from a run directory.
   *
   * @throws IllegalArgumentException when the directory holds no sample at all
   */
  public static RunDirectoryContents read(Path runDir, String model, String task) {
    RunRecords records = RunRecords.read(runDir);
    if (records.groups().isEmpty()) {
      throw new IllegalArgumentException(
          runDir + " holds no samples: it is not a finished gvgap run");
    }
    return new RunDirectoryContents(
        records.group(model, task).map(ResultGroup::examples).orElse(List.of()));
  }

  /** The example records, in the task's order (examples without one are left out). */
  public List<ExampleRecord> examples() {
    return results.stream()
        .map(ExampleResults::example)
        .filter(Objects::nonNull)
        .toList();
  }

  /** Per example id, in the task's order, its samples sorted by sample index (examples with samples only). */
  public Map<String, List<SampleRecord>> samples() {
    Map<String, List<SampleRecord>> samples = new LinkedHashMap<>();
    for (ExampleResults r : results) {
      if (!r.samples().isEmpty()) {
        samples.put(r.key().exampleId(), r.samples());
      }
    }
    return samples;
  }
}
