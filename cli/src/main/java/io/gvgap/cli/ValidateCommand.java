package io.gvgap.cli;

import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap validate SPEC}: checks a spec against the discovered plugins without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a run spec (YAML): syntax, plugin names, options, ranges. Runs nothing.")
final class ValidateCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SPEC", description = "The run spec file.")
  Path file;

  @Override
  public Integer call() {
    ResolvedRunSpec resolved = SpecFiles.resolve(file, parent.registry());
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: valid%n", file);
    out.printf("  run         %s -> %s%n", resolved.name(), resolved.output());
    for (ResolvedModel m : resolved.models()) {
      out.printf("  model       %s (backend %s) %s%n", m.label(), m.backend(), m.options());
    }
    for (ResolvedTask t : resolved.tasks()) {
      out.printf("  task        %s (%s) limit=%s seed=%d %s%n", t.label(), t.name(),
          t.limit() == Integer.MAX_VALUE ? "all" : t.limit(), t.seed(), t.options());
    }
    for (ResolvedComponent v : resolved.verifiers()) {
      out.printf("  verifier    %s %s%n", v.label(), v.options());
    }
    for (ResolvedComponent f : resolved.filters()) {
      out.printf("  filter      %s %s%n", f.label(), f.options());
    }
    var g = resolved.generation();
    out.printf("  generation  %d samples/prompt, temperature %s, top-p %s, top-k %d, max %d tokens, %d examples/batch%n",
        g.samples(), g.temperature(), g.topP(), g.topK(), g.maxTokens(), g.batchExamples());
    out.printf("  strategies  %d (verifiers x filters)%n", resolved.verifiers().size() * resolved.filters().size());
    out.flush();
    return ExitCodes.OK;
  }
}
