package io.gvgap.cli;

import io.gvgap.launcher.Launcher;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap report RUN_DIR...}: one self-contained HTML report of one or several runs. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write a self-contained HTML gap report of one run, or of several side by side.",
      "A run that is still going or crashed gives a report of what exists, marked PARTIAL."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "Run directories.")
  List<Path> runs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "The report file (default: RUN_DIR/report.html for one run, report.html for several).")
  Path output;

  @Override
  public Integer call() {
    GvgapCommand root = (GvgapCommand) spec.root().userObject();
    Path out = output != null
        ? output
        : runs.size() == 1
            ? runs.get(0).resolve(Launcher.REPORT_FILE)
            : Path.of(Launcher.REPORT_FILE);
    root.launcher(root.registry()).report(runs, out);
    spec.commandLine().getOut().printf("report: %s%n", out.toAbsolutePath());
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
