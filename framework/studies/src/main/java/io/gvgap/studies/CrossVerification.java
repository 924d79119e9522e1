package io.gvgap.studies;

import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.results.GridCell;
import io.gvgap.core.results.GridFile;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cross-verification grid: every model of a spec judges every model's samples. One run per
 * judge (the spec with {@code verification.model} set to the judge, in {@code judge-LABEL} under the
 * grid's folder), then one table of cells from those runs' metrics.
 */
public final class CrossVerification {
  private CrossVerification() {}

  /** The judges of a grid: every model of the spec, in spec order; at least two. */
  public static List<String> judges(ResolvedRunSpec spec) {
    List<String> labels = spec.models().stream().map(ResolvedModel::label).toList();
    if (labels.size() < 2) {
      throw new StudyException("a cross-verification grid needs at least two models in 'models', "
          + "got " + labels + "; add the models that should judge each other");
    }
    if (spec.verifierModel() != null) {
      throw new StudyException("a grid spec must not set 'verification.model' ('"
          + spec.verifierModel() + "'): every model judges in turn; remove it");
    }
    return labels;
  }

  /** The run spec of one judge: its own run directory, every model judged by {@code judge}. */
  public static ResolvedRunSpec judgeSpec(ResolvedRunSpec spec, String judge) {
    return new ResolvedRunSpec(
        spec.name() + "-judge-" + judge,
        spec.output().resolve(GridFile.judgeDirectory(judge)),
        spec.seed(),
        spec.models(),
        spec.tasks(),
        spec.generation(),
        judge,
        spec.verifiers(),
        spec.filters(),
        spec.metrics());
  }

  /**
   * The grid's cells from each judge's run metrics (in the order of {@code judges}); a pure function.
   */
  public static GridFile collect(
      String name, List<String> judges, List<Path> runDirectories, List<RunMetrics> metrics) {
    if (judges.size() != metrics.size() || judges.size() != runDirectories.size()) {
      throw new IllegalArgumentException("one run directory and one metrics per judge, got "
          + judges.size() + " judges, " + runDirectories.size() + " directories and "
          + metrics.size() + " metrics");
    }
    Map<String, Boolean> generators = new LinkedHashMap<>();
    List<GridCell> cells = new ArrayList<>();
    for (int j = 0; j < judges.size(); j++) {
      for (GroupResult group : metrics.get(j).groups()) {
        generators.put(group.model(), true);
        GroupMetrics m = group.metrics();
        for (StrategyMetrics s : m.strategies()) {
          cells.add(new GridCell(
              group.model(),
              judges.get(j),
              group.task(),
              s.verifier(),
              s.filter(),
              m.prompts(),
              m.accuracy(),
              s.gap(),
              m.aurocOf(s.verifier()),
              s.emptyKeptPrompts()));
        }
      }
    }
    return new GridFile(
        name,
        List.copyOf(generators.keySet()),
        List.copyOf(judges),
        runDirectories.stream().map(Path::toString).toList(),
        cells);
  }

  /** Writes {@code grid.json} into the grid's folder. */
  public static void write(Path gridDirectory, GridFile grid) {
    StudyFiles.writeJson(gridDirectory.resolve(GridFile.FILE), grid);
  }
}
