package io.gvgap.studies;

import io.gvgap.core.pipeline.RunMetricsCalculator;
import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.SplitRecord;
import io.gvgap.core.results.TaskSplit;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunMetrics;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.index.Diversity;
import io.gvgap.index.DuplicateDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What {@link ImprovementStudy} measures of one round's run directory: the train/evaluation split
 * of the examples (taken from round 0) and each split's metrics, pass@k and sample diversity.
 */
final class RoundEvaluation {
  private RoundEvaluation() {}

  /** Splits every task's examples as round 0's run directory lists them. */
  static SplitRecord split(ImproveSpec spec, ResolvedRunSpec base, Path runDir, String modelLabel) {
    List<TaskSplit> tasks = new ArrayList<>();
    for (ResolvedTask task : base.tasks()) {
      List<ExampleRecord> examples =
          RunDirectoryContents.read(runDir, modelLabel, task.label()).examples().stream()
              .sorted(Comparator.comparingInt(ExampleRecord::position))
              .toList();
      tasks.add(spec.split()
          .split(
              task.label(),
              examples.stream().map(ExampleRecord::exampleId).toList(),
              examples.stream().map(ExampleRecord::question).toList()));
    }
    return new SplitRecord(spec.split().train(), spec.split().seed(), tasks);
  }

  /**
   * Round t's record: the metrics of its run directory on the evaluation and on the train split
   * (each task's examples as {@code split} assigns them), without a distillation yet.
   */
  static RoundRecord evaluate(
      int t, String modelPath, Path runDir, String modelLabel, RunMetrics all, SplitRecord split) {
    RunRecords records = RunRecords.read(runDir);
    RunMetricsCalculator calculator =
        RunMetricsCalculator.forRun(RunDirectory.open(runDir).manifest());
    List<RoundTaskMetrics> evaluation = new ArrayList<>();
    List<RoundTaskMetrics> train = new ArrayList<>();
    for (TaskSplit task : split.tasks()) {
      evaluation.add(
          splitMetrics(calculator, records, runDir, modelLabel, all, task, task.evalIds()));
      train.add(splitMetrics(calculator, records, runDir, modelLabel, all, task, task.trainIds()));
    }
    return new RoundRecord(
        t,
        modelPath,
        runDir.toString(),
        evaluation.stream().filter(java.util.Objects::nonNull).toList(),
        train.stream().filter(java.util.Objects::nonNull).toList(),
        null);
  }

  /** One task's metrics on the examples {@code ids}; null when none of them has complete results. */
  private static RoundTaskMetrics splitMetrics(
      RunMetricsCalculator calculator,
      RunRecords records,
      Path runDir,
      String modelLabel,
      RunMetrics all,
      TaskSplit task,
      List<String> ids) {
    Set<String> included = Set.copyOf(ids);
    RunMetrics metrics = calculator.compute(
        records,
        all.run(),
        key -> key.task().equals(task.task()) && included.contains(key.exampleId()));
    GroupResult g = metrics.groups().stream()
        .filter(x -> x.model().equals(modelLabel) && x.task().equals(task.task()))
        .findFirst()
        .orElse(null);
    if (g == null || g.metrics() == null) {
      return null;
    }
    List<SampleRecord> samples = new ArrayList<>();
    RunDirectoryContents.read(runDir, modelLabel, task.task()).samples().forEach((id, list) -> {
      if (included.contains(id)) {
        samples.addAll(list);
      }
    });
    DiversitySummary diversity =
        Diversity.summary(modelLabel, task.task(), samples, DuplicateDetector.withDefaults());
    return new RoundTaskMetrics(
        task.task(),
        g.metrics().prompts(),
        g.metrics().accuracy(),
        g.metrics().coverage(),
        g.metrics().passAtK(),
        g.metrics().strategies(),
        diversity);
  }
}
