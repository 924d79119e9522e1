package io.gvgap.cli;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.launcher.Launcher;
import io.gvgap.studies.ScalingSpec;
import io.gvgap.studies.ScalingSpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap scaling SPEC}: one run over a model family, then the gap against log10 pre-training FLOPs. */
@Command(
    name = "scaling",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a model family and fit each strategy's relative gap against log10 pre-training FLOPs.",
      "FLOPs come from each model's gvgap-model.json or the spec's 'scaling.flops'; writes scaling.json."
    })
final class ScalingCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(
      paramLabel = "SPEC",
      description = "The scaling spec (a run spec over the family, optional 'scaling:').")
  Path file;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Run directory (overrides the spec's 'output').")
  Path output;

  @Override
  public Integer call() throws IOException {
    ScalingFile scaling = run(parent, file, output);
    PrintWriter out = spec.commandLine().getOut();
    StudyTables.printScaling(out, scaling);
    Path runDir = Path.of(scaling.runDirectory());
    out.printf(
        "scaling: %s%nreport: %s%n",
        runDir.resolve(ScalingFile.FILE).toAbsolutePath(),
        runDir.resolve(Launcher.REPORT_FILE).toAbsolutePath());
    out.flush();
    return ExitCodes.OK;
  }

  /** Runs (or resumes) a scaling spec, fits, and writes the run's report; shared with {@code demo}. */
  static ScalingFile run(GvgapCommand parent, Path file, Path output) throws IOException {
    PluginRegistry registry = parent.registry();
    ScalingSpec scaling = ScalingSpecLoader.load(file);
    ResolvedRunSpec resolved = RunSpecResolver.resolve(scaling.run(), registry, file);
    if (output != null) {
      resolved = resolved.withOutput(output);
    }
    return parent.launcher(registry).scale(scaling, resolved, Files.readString(file));
  }
}
