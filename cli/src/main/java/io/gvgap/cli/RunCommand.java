package io.gvgap.cli;

import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.reports.RunReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap run SPEC}: runs (or resumes) a spec and prints the gap of every strategy. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a spec: generate, verify, filter, compute metrics, into a run directory.",
        "Rerunning the same command after a crash resumes where it stopped."})
final class RunCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SPEC", description = "The run spec file (YAML).")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Run directory (overrides the spec's 'output').")
  Path output;

  @Override
  public Integer call() throws IOException {
    PluginRegistry registry = parent.registry();
    ResolvedRunSpec resolved = SpecFiles.resolve(file, registry);
    if (output != null) {
      resolved = resolved.withOutput(output);
    }
    String source = Files.readString(file);
    Instant start = Instant.now();
    RunPipeline pipeline = new RunPipeline(registry, new ConsoleProgress(System.err, !parent.quiet), Version.current());
    RunResult result = pipeline.run(resolved, source);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("run '%s' %s in %s: %d samples generated, %d example verifications%n", resolved.name(),
        result.resumed() ? "resumed and finished" : "finished", ConsoleProgress.format(Duration.between(start, Instant.now())),
        result.samplesGenerated(), result.examplesVerified());
    for (GroupResult group : result.metrics().groups()) {
      printGroup(out, group);
    }
    Path report = result.directory().resolve("report.html");
    RunReports.write(List.of(result.directory()), report, registry);
    out.printf("run directory: %s%n", result.directory().toAbsolutePath());
    out.printf("report: %s%n", report.toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  private static void printGroup(PrintWriter out, GroupResult group) {
    GroupMetrics m = group.metrics();
    out.printf("%n%s on %s: %d prompts, J(f) = %s, coverage (pass@N) = %s, answer-extraction failures %s%n",
        group.model(), group.task(), m.prompts(), Numbers.estimate(m.accuracy()), Numbers.fixed(m.coverage()),
        Numbers.percent(m.extractionFailureRate()));
    out.printf("  %-16s %-26s %8s %8s %20s %9s %9s %6s%n", "verifier", "filter", "J(f[w])", "gap", "gap CI",
        "rel(pp)", "rel(pool)", "kept");
    for (StrategyMetrics s : m.strategies()) {
      out.printf("  %-16s %-26s %8s %8s %20s %9s %9s %6s%n", s.verifier(), s.filter(), Numbers.fixed(s.jfw().value()),
          Numbers.signed(s.gap().value()), Numbers.interval(s.gap()), Numbers.signed(s.relativeGapPerPrompt().value()),
          Numbers.signed(s.relativeGapPooled().value()), Numbers.percent(s.keptFraction()));
    }
  }
}
