package io.gvgap.cli;

import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.Shard;
import io.gvgap.launcher.Launcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap run SPEC}: runs (or resumes) a spec and prints the gap of every strategy. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a spec: generate, verify, filter, compute metrics, into a run directory.",
      "Rerunning the same command after a crash resumes where it stopped.",
      "With --shard I/N it runs one slice of the examples (combine the slices with 'gvgap merge')."
    })
final class RunCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SPEC", description = "The run spec file (YAML).")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Run directory (overrides the spec's 'output').")
  Path output;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      converter = ShardConverter.class,
      description = {
        "Run only shard I of N (0 <= I < N): of each task's examples, those at positions p with"
            + " p mod N = I. Default run directory: the spec's output + /shard-I-of-N. Merge the N shard"
            + " directories with 'gvgap merge'."
      })
  Shard shard;

  @Override
  public Integer call() throws IOException {
    PluginRegistry registry = parent.registry();
    ResolvedRunSpec resolved = SpecFiles.resolve(file, registry);
    Shard slice = shard == null ? Shard.whole() : shard;
    if (output != null) {
      resolved = resolved.withOutput(output);
    } else if (!slice.isWhole()) {
      resolved = resolved.withOutput(slice.directoryUnder(resolved.output()));
    }
    String source = Files.readString(file);
    Instant start = Instant.now();
    RunResult result = parent.launcher(registry).evaluate(resolved, source, slice);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "run '%s'%s %s in %s: %d samples generated, %d example verifications%n",
        resolved.name(),
        slice.isWhole() ? "" : " shard " + slice.label(),
        result.resumed() ? "resumed and finished" : "finished",
        ConsoleProgress.format(Duration.between(start, Instant.now())),
        result.samplesGenerated(),
        result.examplesVerified());
    out.printf("time by stage: %s%n", result.times().describe());
    for (GroupResult group : result.metrics().groups()) {
      printGroup(out, group);
    }
    Path report = result.directory().resolve(Launcher.REPORT_FILE);
    out.printf("run directory: %s%n", result.directory().toAbsolutePath());
    out.printf("report: %s%n", report.toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  /** Prints one model-and-task block of the gap table. */
  static void printGroup(PrintWriter out, GroupResult group) {
    GroupMetrics m = group.metrics();
    out.printf(
        "%n%s on %s: %d prompts, J(f) = %s, coverage (pass@N) = %s, answer-extraction failures %s%n",
        group.model(),
        group.task(),
        m.prompts(),
        MetricFormat.estimate(m.accuracy()),
        MetricFormat.fixed(m.coverage()),
        MetricFormat.percent(m.extractionFailureRate()));
    out.printf(
        "  %-16s %-26s %8s %8s %20s %6s %9s %9s %6s %6s%n",
        "verifier",
        "filter",
        "J(f[w])",
        "gap",
        "gap CI",
        "AUROC",
        "rel(pp)",
        "rel(pool)",
        "asked",
        "kept");
    for (StrategyMetrics s : m.strategies()) {
      out.printf(
          "  %-16s %-26s %8s %8s %20s %6s %9s %9s %6s %6s  %s%n",
          s.verifier(),
          s.filter(),
          MetricFormat.fixed(s.jfw().value()),
          MetricFormat.signed(s.gap().value()),
          MetricFormat.interval(s.gap()),
          MetricFormat.auroc(m.aurocOf(s.verifier())),
          MetricFormat.signed(s.relativeGapPerPrompt().value()),
          MetricFormat.signed(s.relativeGapPooled().value()),
          MetricFormat.percent(s.askedFraction()),
          MetricFormat.percent(s.keptFraction()),
          MetricFormat.emptyKept(s, m.prompts()));
    }
  }
}
