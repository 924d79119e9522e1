package io.gvgap.maven;

import io.gvgap.core.metrics.MetricFormat;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.RoundDifference;
import io.gvgap.core.results.RoundRecord;
import io.gvgap.core.results.RoundTaskMetrics;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.studies.ImproveSpec;
import io.gvgap.studies.ImproveSpecLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Self-improvement rounds from a build, as {@code gvgap improve}: each round generates, self-verifies,
 * filters, deduplicates, distils the kept samples into the next model and evaluates it. The study
 * goes to {@code <outputDirectory>/<name>/} (round run directories, models, {@code rounds.json},
 * {@code report.html}); rerunning the build resumes an interrupted study at the stage it reached.
 */
@Mojo(name = "improve", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ImproveMojo extends AbstractGvgapMojo {

  /**
   * The improvement spec file: a run spec with an {@code improve:} section (rounds, strategy,
   * distillation). Give this or an inline {@link #spec}.
   */
  @Parameter(property = "gvgap.improveSpec")
  File specFile;

  /**
   * The improvement spec written inline, as the YAML of a {@code gvgap improve} spec (Maven
   * interpolates {@code ${...}} in it, e.g. a model path under {@code ${project.basedir}}). It is
   * written to {@code target/gvgap-inline/<artifactId>-improve.yaml}, the file error messages name.
   */
  @Parameter
  String spec;

  /** The build directory (where inline specs are written). */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** The project's artifact id (the inline spec's file name). */
  @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
  String artifactId;

  /** The project's folder: relative paths in an inline spec are resolved against it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File projectDirectory;

  /** Where studies go: each in {@code <outputDirectory>/<name>}. The spec's {@code output} is ignored. */
  @Parameter(
      property = "gvgap.outputDirectory",
      defaultValue = "${project.build.directory}/gvgap",
      required = true)
  File outputDirectory;

  @Override
  void run() throws MojoFailureException {
    SpecInput input = SpecInput.choose(
        specFile == null ? null : specFile.toPath(),
        spec,
        buildDirectory.toPath().resolve("gvgap-inline").resolve(artifactId + "-improve.yaml"),
        "gvgap.improveSpec");
    PluginRegistry registry = registry();
    Path file = input.file();
    ImproveSpec improve = ImproveSpecLoader.load(file);
    ResolvedRunSpec base = RunSpecResolver.resolve(
        improve.run(), registry, file, input.baseDirectory(projectDirectory.toPath()));
    base = base.withOutput(outputDirectory.toPath().resolve(base.name()));
    String source;
    try {
      source = input.source();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    getLog().info("gvgap: improvement study '" + base.name() + "' into " + base.output());
    RoundsFile rounds = launcher(registry)
        .improve(improve, base, source, line -> getLog().info("gvgap: " + line), progress -> {});
    log(rounds.rounds(), "");
    log(rounds.controlRounds(), "oracle control ");
    for (RoundDifference d : rounds.differences()) {
      getLog()
          .info(String.format(
              "gvgap: %s arm %s, rounds %d -> %d on %d held-out prompts: J(f) difference %s",
              d.arm(),
              d.task(),
              d.from(),
              d.to(),
              d.prompts(),
              MetricFormat.estimate(d.accuracy())));
    }
    Path report = base.output().resolve(ReportMojo.REPORT_FILE);
    getLog().info("gvgap: rounds " + base.output().resolve("rounds.json"));
    getLog().info("gvgap: report " + report);
  }

  private void log(List<RoundRecord> rounds, String arm) {
    for (RoundRecord round : rounds) {
      for (RoundTaskMetrics task : round.evaluation()) {
        getLog()
            .info(String.format(
                "gvgap: %sround %d %s (evaluation split, %d prompts): J(f) = %s, coverage %s",
                arm,
                round.round(),
                task.task(),
                task.prompts(),
                MetricFormat.estimate(task.accuracy()),
                MetricFormat.fixed(task.coverage())));
      }
    }
  }
}
