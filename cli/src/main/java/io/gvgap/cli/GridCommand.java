package io.gvgap.cli;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.GridCell;
import io.gvgap.core.results.GridFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.launcher.Launcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap grid SPEC}: every model of a spec judges every model's samples. */
@Command(
    name = "grid",
    mixinStandardHelpOptions = true,
    description = {
      "Cross-verification: each model of the spec judges the samples of every model (one run per "
          + "judge, in judge-LABEL under the output folder), then one generator x judge table of gaps "
          + "per verifier and filter; writes grid.json and report.html."
    })
final class GridCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SPEC", description = "A run spec with at least two models.")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "The grid's folder (overrides the spec's 'output').")
  Path output;

  @Override
  public Integer call() throws IOException {
    PluginRegistry registry = parent.registry();
    ResolvedRunSpec resolved = SpecFiles.resolve(file, registry);
    if (output != null) {
      resolved = resolved.withOutput(output);
    }
    GridFile grid = parent.launcher(registry).grid(resolved, Files.readString(file));
    PrintWriter out = spec.commandLine().getOut();
    print(out, grid);
    out.printf(
        "grid: %s%nreport: %s%n",
        resolved.output().resolve(GridFile.FILE).toAbsolutePath(),
        resolved.output().resolve(Launcher.REPORT_FILE).toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  /** One table per task × verifier × filter: generators down, judges across, gap [CI] / AUROC. */
  static void print(PrintWriter out, GridFile grid) {
    Map<String, Map<String, GridCell>> tables = new LinkedHashMap<>();
    for (GridCell c : grid.cells()) {
      tables
          .computeIfAbsent(
              c.task() + " / " + c.verifier() + " / " + c.filter(), k -> new LinkedHashMap<>())
          .put(c.generator() + "\u0000" + c.judge(), c);
    }
    List<String> judges = grid.judges();
    tables.forEach((title, cells) -> {
      out.printf("%n%s: gap [CI] / AUROC, generator (rows) judged by (columns)%n", title);
      out.printf("  %-14s", "generator");
      judges.forEach(j -> out.printf(" %-34s", j));
      out.println();
      for (String g : grid.generators()) {
        out.printf("  %-14s", g);
        for (String j : judges) {
          GridCell c = cells.get(g + "\u0000" + j);
          out.printf(" %-34s", c == null ? "-" : cell(c));
        }
        out.println();
      }
    });
  }

  private static String cell(GridCell c) {
    return MetricFormat.signed(c.gap().value())
        + " "
        + MetricFormat.interval(c.gap())
        + " / "
        + MetricFormat.auroc(c.auroc());
  }
}
