package io.gvgap.maven;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.store.RunDirectory;
import io.gvgap.core.store.RunStore;
import io.gvgap.reports.RunData;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Re-renders the self-contained HTML report of one run directory, or of several side by side, as
 * {@code gvgap report} does; no model is opened. A run that is still going or crashed gets a report
 * of what exists, marked PARTIAL: when it has no {@code metrics.json}, metrics are computed over its
 * complete examples with the providers this plugin sees (add the jars the run used as plugin
 * {@code <dependencies>}).
 *
 * <p>By default it renders every run under {@code ${project.build.directory}/gvgap}, e.g. after
 * {@code gvgap:evaluate}: {@code mvn gvgap:report}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractGvgapMojo {

  /** The name of a run's own report in its directory, and of a report of several runs. */
  static final String REPORT_FILE = "report.html";

  /**
   * The run directories to report, side by side in the order given (each one holds a
   * {@code run.json}). Unset: every run directory directly under {@code outputDirectory}, by name.
   * On the command line: {@code -Dgvgap.runDirectories=target/gvgap/a,target/gvgap/b}.
   */
  @Parameter(property = "gvgap.runDirectories")
  List<File> runDirectories;

  /** Where {@code gvgap:evaluate} puts its runs: searched for run directories when {@code runDirectories} is unset. */
  @Parameter(
      property = "gvgap.outputDirectory",
      defaultValue = "${project.build.directory}/gvgap",
      required = true)
  File outputDirectory;

  /**
   * The report file. Unset: {@code report.html} in the run directory when there is one run (replacing
   * the report {@code gvgap:evaluate} wrote), {@code <outputDirectory>/report.html} for several.
   */
  @Parameter(property = "gvgap.reportFile")
  File outputFile;

  @Override
  void run() throws MojoFailureException {
    List<Path> runs = chosenRuns();
    Path out = outputFile != null
        ? outputFile.toPath()
        : runs.size() == 1
            ? runs.get(0).resolve(REPORT_FILE)
            : outputDirectory.toPath().resolve(REPORT_FILE);
    PluginRegistry registry = registry();
    for (RunData run : launcher(registry).report(runs, out)) {
      for (String reason : run.partialReasons()) {
        getLog().warn("gvgap: run '" + run.name() + "' is partial: " + reason);
      }
    }
    getLog()
        .info("gvgap: report of "
            + (runs.size() == 1 ? "run " + runs.get(0) : runs.size() + " runs " + runs)
            + " written to " + out.toAbsolutePath());
  }

  private List<Path> chosenRuns() throws MojoFailureException {
    if (runDirectories != null && !runDirectories.isEmpty()) {
      return runDirectories.stream().map(File::toPath).toList();
    }
    List<Path> found = runDirectoriesUnder(outputDirectory.toPath());
    if (found.isEmpty()) {
      throw new MojoFailureException("gvgap: no run directory (a folder with " + RunStore.RUN_JSON
          + ") under "
          + outputDirectory + "; run gvgap:evaluate first, or name the runs with runDirectories "
          + "(-Dgvgap.runDirectories=DIR,DIR)");
    }
    return found;
  }

  /** The run directories directly under {@code parent}, sorted by name; none when it does not exist. */
  static List<Path> runDirectoriesUnder(Path parent) {
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(parent)) {
      return children.filter(RunDirectory::isRunDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + parent, e);
    }
  }
}
