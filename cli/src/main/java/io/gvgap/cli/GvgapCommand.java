package io.gvgap.cli;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.launcher.Launcher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command: global options and the list of subcommands. */
@Command(
    name = "gvgap",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Measure and exploit the generation-verification gap of language models.",
    subcommands = {
      PluginsCommand.class,
      ValidateCommand.class,
      RunCommand.class,
      MergeCommand.class,
      CurveCommand.class,
      TasksCommand.class,
      UtilityCommand.class,
      GenerateCommand.class,
      ScoreCommand.class,
      ModelsCommand.class,
      ReportCommand.class,
      DistillCommand.class,
      ImproveCommand.class,
      ScalingCommand.class,
      GridCommand.class,
      DemoCommand.class,
      ServeCommand.class
    })
public final class GvgapCommand {

  @Option(
      names = "--plugin-path",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR_OR_JAR",
      split = ",",
      description = "Extra plugin jars, or directories of jars, loaded in their own class loader"
          + " (repeatable, or comma-separated).")
  List<Path> pluginPath = new ArrayList<>();

  @Option(names = "--quiet", scope = ScopeType.INHERIT, description = "No progress bars.")
  boolean quiet;

  /** Shows INFO logs (plugin discovery, resume decisions); set before any logger exists. */
  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log plugin discovery and run decisions (INFO).")
  void setVerbose(boolean verbose) {
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    }
  }

  /** Discovers the plugins on the classpath and the plugin path. */
  PluginRegistry registry() {
    return PluginRegistry.load(pluginPath, GvgapCommand.class.getClassLoader());
  }

  /** The launcher every command that runs something goes through, with a progress bar unless --quiet. */
  Launcher launcher(PluginRegistry registry) {
    return Launcher.create(registry, new ConsoleProgress(System.err, !quiet));
  }
}
