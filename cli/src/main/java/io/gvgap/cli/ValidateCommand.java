package io.gvgap.cli;

import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.ResolvedTask;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.studies.ControlArm;
import io.gvgap.studies.ImproveSpec;
import io.gvgap.studies.ImproveSpecLoader;
import io.gvgap.studies.ImprovementStudy;
import io.gvgap.studies.ScalingSpec;
import io.gvgap.studies.ScalingSpecLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap validate SPEC}: checks a spec against the discovered plugins without running it. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check a run, improvement or scaling spec (YAML): syntax, plugin names, options, ranges, that"
            + " the files it names exist. Runs nothing.")
final class ValidateCommand implements Callable<Integer> {
  private static final Pattern STUDY_SECTION = Pattern.compile("(?m)^(improve|scaling):");

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Parameters(
      paramLabel = "SPEC",
      description = "The spec file (a run spec, or one with an improve: or scaling: section).")
  Path file;

  @Override
  public Integer call() throws IOException {
    // improvement and scaling specs are run specs with one more top-level section; each has its
    // loader
    String text = Files.exists(file) ? SpecFiles.read(file) : "";
    Matcher section = STUDY_SECTION.matcher(text);
    String kind = section.find() ? section.group(1) : "";
    ResolvedRunSpec resolved;
    String study = null;
    if (kind.equals("improve")) {
      ImproveSpec improve = ImproveSpecLoader.load(file);
      resolved = RunSpecResolver.resolveAndCheckFiles(improve.run(), parent.registry(), file);
      ImprovementStudy.check(improve, resolved);
      study = String.format(
          "improve: %d rounds, distilling %s/%s (train split only), update %s; split: train share"
              + " %s, seed %d%s",
          improve.rounds(),
          improve.verifier(),
          improve.filter(),
          improve.update().name().toLowerCase(Locale.ROOT),
          improve.split().train(),
          improve.split().seed(),
          improve.control() == ControlArm.ORACLE ? "; control arm: oracle" : "");
    } else if (kind.equals("scaling")) {
      ScalingSpec scaling = ScalingSpecLoader.load(file);
      resolved = RunSpecResolver.resolveAndCheckFiles(scaling.run(), parent.registry(), file);
      study = String.format("scaling over %d models", resolved.models().size());
    } else {
      // a missing file gets the run spec loader's message
      resolved =
          RunSpecResolver.resolveAndCheckFiles(RunSpecLoader.load(file), parent.registry(), file);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s: valid%n", file);
    if (study != null) {
      out.printf("  study       %s%n", study);
    }
    out.printf("  run         %s -> %s%n", resolved.name(), resolved.output());
    for (ResolvedModel m : resolved.models()) {
      out.printf("  model       %s (backend %s) %s%n", m.label(), m.backend(), m.options());
    }
    for (ResolvedTask t : resolved.tasks()) {
      out.printf(
          "  task        %s (%s) limit=%s seed=%d %s%n",
          t.label(),
          t.name(),
          t.limit() == Integer.MAX_VALUE ? "all" : t.limit(),
          t.seed(),
          t.options());
    }
    for (ResolvedComponent v : resolved.verifiers()) {
      out.printf("  verifier    %s %s%n", v.label(), v.options());
    }
    for (ResolvedComponent f : resolved.filters()) {
      out.printf("  filter      %s %s%n", f.label(), f.options());
    }
    var g = resolved.generation();
    out.printf(
        "  generation  %d samples/prompt, temperature %s, top-p %s, top-k %d, max %d tokens, %d examples/batch%n",
        g.samples(), g.temperature(), g.topP(), g.topK(), g.maxTokens(), g.batchExamples());
    out.printf(
        "  strategies  %d (verifiers x filters)%n",
        resolved.verifiers().size() * resolved.filters().size());
    out.flush();
    return ExitCodes.OK;
  }
}
