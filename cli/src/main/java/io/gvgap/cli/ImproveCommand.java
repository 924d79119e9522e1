package io.gvgap.cli;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.launcher.Launcher;
import io.gvgap.onnx.train.ProgressListener;
import io.gvgap.studies.ImproveSpec;
import io.gvgap.studies.ImproveSpecLoader;
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

/** {@code gvgap improve SPEC}: iterative self-improvement, resumable at every stage. */
@Command(
    name = "improve",
    mixinStandardHelpOptions = true,
    description = {
      "Self-improvement rounds: generate, self-verify, filter, deduplicate, distil, evaluate again.",
      "Writes round-<t>/ run directories, models/round-<t>/, sft/, rounds.json and report.html.",
      "Rerunning the same command after a crash resumes at the stage that was interrupted."
    })
final class ImproveCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(
      paramLabel = "SPEC",
      description = "The improvement spec (a run spec with an 'improve:' section).")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Study directory (overrides the spec's 'output').")
  Path output;

  @Override
  public Integer call() throws IOException {
    RoundsFile rounds = run(parent, file, output);
    PrintWriter out = spec.commandLine().getOut();
    StudyTables.printRounds(out, rounds);
    Path studyDir = Path.of(rounds.rounds().get(0).runDirectory()).getParent();
    out.printf(
        "rounds: %s%nreport: %s%n",
        studyDir.resolve("rounds.json").toAbsolutePath(),
        studyDir.resolve(Launcher.REPORT_FILE).toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs (or resumes) an improvement spec and writes the study's report; shared with {@code demo}. */
  static RoundsFile run(GvgapCommand parent, Path file, Path output) throws IOException {
    PluginRegistry registry = parent.registry();
    ImproveSpec improve = ImproveSpecLoader.load(file);
    ResolvedRunSpec base = RunSpecResolver.resolve(improve.run(), registry, file);
    if (output != null) {
      base = base.withOutput(output);
    }
    boolean verbose = !parent.quiet;
    Instant start = Instant.now();
    ProgressListener training = progress -> {
      if (verbose && (progress.step() % 10 == 0 || progress.step() == progress.totalSteps())) {
        System.err.println("  distill " + progress.line());
      }
    };
    RoundsFile rounds = parent
        .launcher(registry)
        .improve(improve, base, Files.readString(file), line -> System.err.println(line), training);
    System.err.println("improvement study finished in "
        + ConsoleProgress.format(Duration.between(start, Instant.now())));
    return rounds;
  }
}
