package io.gvgap.maven;

import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedComponent;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.store.GroupResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs a gvgap run spec (generate, verify, filter, metrics) into
 * {@code ${project.build.directory}/gvgap/<run name>}, logs the gap of every strategy, writes the
 * run's HTML report ({@code report.html} in the run directory, as {@code gvgap run} does), and fails
 * the build when a gate is set and not met (the report is written first). Rerunning on the same directory resumes an interrupted run;
 * a directory that holds a run of another spec is refused (run {@code mvn clean} or rename the run).
 *
 * <p>Relative paths inside the spec, such as a model directory, are resolved against the spec
 * file's folder; in an inline spec, against the project's folder ({@code ${project.basedir}}).
 */
@Mojo(name = "evaluate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class EvaluateMojo extends AbstractGvgapMojo {

  /**
   * The run spec file (YAML, the format of {@code gvgap run}). Give this or {@code spec}. The file's
   * name, less its extension, is the run name unless the spec sets {@code name}.
   */
  @Parameter(property = "gvgap.spec")
  File specFile;

  /**
   * The run spec written inline as YAML, in place of {@code specFile}; wrap it in
   * {@code <![CDATA[ ... ]]>} when it holds {@code <} or {@code &}. The XML indentation is removed.
   * It is written to {@code ${project.build.directory}/gvgap-inline/<artifactId>.yaml}, which error
   * messages name; the run name defaults to the artifactId.
   */
  @Parameter
  String spec;

  /** Where run directories go: each run in {@code <outputDirectory>/<run name>}. The spec's {@code output} is ignored. */
  @Parameter(
      property = "gvgap.outputDirectory",
      defaultValue = "${project.build.directory}/gvgap",
      required = true)
  File outputDirectory;

  /**
   * Fails the build when, in some model x task group, the gap {@code J(f[w]) - J(f)} of the strategy
   * chosen by {@code gapStrategy} is below this value (or undefined). Unset: no gap gate.
   */
  @Parameter(property = "gvgap.failIfGapBelow")
  Double failIfGapBelow;

  /**
   * The strategy {@code failIfGapBelow} checks: {@code best} (in each group, the strategy with the
   * largest gap) or {@code VERIFIER/FILTER} with the labels the results table shows, such as
   * {@code oracle/threshold(tau=0.5)}.
   */
  @Parameter(property = "gvgap.gapStrategy", defaultValue = BuildGates.BEST, required = true)
  String gapStrategy;

  /**
   * Fails the build when, in some model x task group, {@code J(f)} (the accuracy of all samples) is
   * below this value. Unset: no accuracy gate.
   */
  @Parameter(property = "gvgap.failIfAccuracyBelow")
  Double failIfAccuracyBelow;

  /** The build directory: an inline spec is written under it. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  File buildDirectory;

  /** The project's folder: relative paths in an inline spec are resolved against it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File projectDirectory;

  /** The project's artifactId: the file name, and so the default run name, of an inline spec. */
  @Parameter(defaultValue = "${project.artifactId}", readonly = true, required = true)
  String artifactId;

  @Override
  void run() throws MojoExecutionException, MojoFailureException {
    SpecInput input = SpecInput.choose(
        specFile == null ? null : specFile.toPath(),
        spec,
        buildDirectory.toPath().resolve("gvgap-inline").resolve(artifactId + ".yaml"),
        "gvgap.spec");
    PluginRegistry registry = registry();
    ResolvedRunSpec resolved = RunSpecResolver.resolve(
        input.load(), registry, input.file(), input.baseDirectory(projectDirectory.toPath()));
    Path runDirectory = outputDirectory.toPath().resolve(resolved.name());
    resolved = resolved.withOutput(runDirectory);
    checkGapStrategy(resolved);
    String source;
    try {
      source = input.source();
    } catch (IOException e) {
      throw new MojoExecutionException(
          "gvgap: cannot read " + input.file() + ": " + e.getMessage(), e);
    }
    getLog()
        .info(
            "gvgap: run '" + resolved.name() + "' from " + input.file() + " into " + runDirectory);
    // the launcher writes the report before the gates: a build that fails a gate still leaves it to
    // look into
    RunResult result = launcher(registry).evaluate(resolved, source);
    getLog()
        .info("gvgap: run '" + resolved.name() + "' "
            + (result.resumed() ? "resumed and finished" : "finished")
            + ": " + result.samplesGenerated() + " samples generated, " + result.examplesVerified()
            + " example verifications");
    for (GroupResult group : result.metrics().groups()) {
      for (String line : ResultLog.lines(group)) {
        getLog().info(line);
      }
    }
    getLog().info("gvgap: run directory " + result.directory().toAbsolutePath());
    Path report = result.directory().resolve(ReportMojo.REPORT_FILE);
    getLog().info("gvgap: report " + report.toAbsolutePath());
    List<String> failed = new BuildGates(failIfGapBelow, gapStrategy, failIfAccuracyBelow)
        .violations(result.metrics());
    if (!failed.isEmpty()) {
      throw new MojoFailureException("gvgap: run '" + resolved.name() + "' failed " + failed.size()
          + " gate(s):\n  - " + String.join("\n  - ", failed) + "\n(results in "
          + result.directory().toAbsolutePath() + ")");
    }
    if (failIfGapBelow != null || failIfAccuracyBelow != null) {
      getLog().info("gvgap: all gates passed");
    }
  }

  /** Fails before any model work when {@code gapStrategy} names no strategy of the spec. */
  private void checkGapStrategy(ResolvedRunSpec resolved) throws MojoFailureException {
    if (failIfGapBelow == null || BuildGates.BEST.equals(gapStrategy)) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (ResolvedComponent verifier : resolved.verifiers()) {
      for (ResolvedComponent filter : resolved.filters()) {
        names.add(verifier.label() + "/" + filter.label());
      }
    }
    if (!names.contains(gapStrategy)) {
      throw new MojoFailureException(
          "gvgap: gapStrategy '" + gapStrategy + "' is not a strategy of the run '"
              + resolved.name() + "'; use 'best' or one of: " + String.join(", ", names));
    }
  }
}
