package io.gvgap.cli;

import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.core.metrics.EmptyKeptPolicy;
import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.PassAtK;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.pipeline.CurvePoint;
import io.gvgap.core.pipeline.LabeledFilter;
import io.gvgap.core.pipeline.SampleCurve;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gvgap curve RUN_DIR}: gap and pass@k against samples per prompt N from one finished run,
 * by cutting every prompt to its first N samples (see {@link SampleCurve}); writes
 * {@code curve.json} into the run directory and prints one table per (model, task).
 */
@Command(
    name = "curve",
    mixinStandardHelpOptions = true,
    description = {
      "Gap and pass@k against samples per prompt N (1, 2, 4, ... up to the run's samples) from one"
          + " run, without generating again: each prompt's first N samples, filters applied again,"
          + " 'majority' re-scored on the N samples; writes curve.json into the run directory."
    })
final class CurveCommand implements Callable<Integer> {

  /** The file the curve is written to, in the run directory. */
  static final String CURVE_FILE = "curve.json";

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A finished run directory.")
  Path runDir;

  @Option(
      names = "--samples",
      split = ",",
      paramLabel = "N",
      description =
          "Samples per prompt to evaluate (default: powers of 2 up to the run's samples).")
  List<Integer> sizes;

  /** What {@code curve.json} holds. */
  record CurveFile(String run, String selection, List<Integer> samples, List<CurvePoint> points) {}

  @Override
  public Integer call() {
    PluginRegistry registry = parent.registry();
    ResolvedRunSpec run = RunDirectory.open(runDir).resolvedSpec(registry);
    List<Integer> ns =
        sizes != null ? List.copyOf(sizes) : powersOfTwo(run.generation().samples());
    for (int n : ns) {
      if (n < 1 || n > run.generation().samples()) {
        throw new UsageException("--samples " + n + " is outside 1.."
            + run.generation().samples() + ", the samples per prompt of run '" + run.name() + "'");
      }
    }
    List<String> verifiers =
        run.verifiers().stream().map(ResolvedComponent::label).toList();
    Set<String> majority = labelsNamed(run, Set.of("majority"));
    Set<String> refused = labelsNamed(run, Set.of("tournament", "ensemble"));
    List<LabeledFilter> filters = new ArrayList<>();
    for (ResolvedComponent f : run.filters()) {
      FilterStrategy strategy = registry.filters().create(f.name(), f.options());
      filters.add(new LabeledFilter(f.label(), strategy));
    }
    MetricsSettings settings = new MetricsSettings(
        run.metrics().bootstrap(),
        run.metrics().confidence(),
        run.seed(),
        run.metrics().passAtK(),
        EmptyKeptPolicy.valueOf(run.metrics().emptyKept().toUpperCase(Locale.ROOT)));
    SampleCurve curve;
    try {
      curve = new SampleCurve(verifiers, filters, settings, majority, refused);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    List<CurvePoint> points = curve.compute(RunRecords.read(runDir), ns, run.seed());
    Path file = runDir.resolve(CURVE_FILE);
    try {
      Files.writeString(
          file,
          Json.mapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(new CurveFile(run.name(), "first-n", ns, points)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    print(spec.commandLine().getOut(), points);
    spec.commandLine().getOut().printf("curve: %s%n", file.toAbsolutePath());
    spec.commandLine()
        .getOut()
        .printf("report section: gvgap report %s (re-renders report.html with it)%n", runDir);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private static Set<String> labelsNamed(ResolvedRunSpec run, Set<String> names) {
    return run.verifiers().stream()
        .filter(v -> names.contains(v.name()))
        .map(ResolvedComponent::label)
        .collect(Collectors.toSet());
  }

  static List<Integer> powersOfTwo(int max) {
    List<Integer> ns = new ArrayList<>();
    for (int n = 1; n <= max; n *= 2) {
      ns.add(n);
    }
    if (ns.get(ns.size() - 1) != max) {
      ns.add(max);
    }
    return ns;
  }

  /** One table per (model, task): N, prompts, accuracy, pass@N, then each strategy's gap. */
  static void print(PrintWriter out, List<CurvePoint> points) {
    Map<String, List<CurvePoint>> groups = new LinkedHashMap<>();
    points.forEach(p -> groups
        .computeIfAbsent(p.model() + " / " + p.task(), k -> new ArrayList<>())
        .add(p));
    for (Map.Entry<String, List<CurvePoint>> group : groups.entrySet()) {
      out.printf(
          "%s: gap [CI] against samples per prompt N (first N of each prompt)%n", group.getKey());
      List<StrategyMetrics> first = group.getValue().get(0).metrics().strategies();
      StringBuilder header = new StringBuilder(
          String.format("%5s %7s %22s %22s", "N", "prompts", "accuracy", "pass@N"));
      first.forEach(s -> header.append(String.format(" %26s", s.verifier() + "/" + s.filter())));
      out.println(header);
      for (CurvePoint p : group.getValue()) {
        StringBuilder row = new StringBuilder(String.format(
            "%5d %7d %22s %22s",
            p.samples(), p.prompts(), fmt(p.metrics().accuracy()), fmt(passAt(p))));
        for (StrategyMetrics s : p.metrics().strategies()) {
          row.append(String.format(" %26s", fmt(s.gap())));
        }
        out.println(row);
      }
    }
  }

  private static Estimate passAt(CurvePoint p) {
    return p.metrics().passAtK().stream()
        .filter(k -> k.k() == p.samples())
        .map(PassAtK::estimate)
        .findFirst()
        .orElse(Estimate.undefined());
  }

  private static String fmt(Estimate e) {
    if (Double.isNaN(e.value())) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", e.value(), e.lower(), e.upper());
  }
}
