package io.gvgap.cli;

import io.gvgap.core.merge.MergeResult;
import io.gvgap.core.store.GroupResult;
import io.gvgap.launcher.Launcher;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap merge OUT SHARD_DIR...}: combines the shard run directories of one spec into one run. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the run directories of 'gvgap run SPEC --shard I/N' (every I from 0 to N-1, all"
          + " finished) into one run directory, as an unsharded run would have written it: records, metrics,"
          + " sample index, diversity and report."
    })
final class MergeCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OUT",
      description = "The merged run directory (new or empty).")
  Path output;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "SHARD_DIR",
      description = "The shards' run directories.")
  List<Path> shards;

  @Override
  public Integer call() {
    MergeResult result = parent.launcher(parent.registry()).merge(output, shards);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "merged %d shards of run '%s': %d examples, %d samples%n",
        result.shards().size(), result.metrics().run(), result.examples(), result.samples());
    for (GroupResult group : result.metrics().groups()) {
      RunCommand.printGroup(out, group);
    }
    Path report = result.directory().resolve(Launcher.REPORT_FILE);
    out.printf("run directory: %s%n", result.directory().toAbsolutePath());
    out.printf("report: %s%n", report.toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }
}
