package io.gvgap.cli;

import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.results.ScalingFile;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gvgap demo}: the main job on the built-in family: a two-round self-improvement run on
 * arithmetic, a scaling study over the family, and (when the specs folder has
 * {@code demo-sudoku.yaml}) a two-round self-improvement run on 4x4 Sudoku, from
 * {@code examples/specs/demo-*.yaml}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The main job on the built-in models: self-improvement on arithmetic and Sudoku, and a scaling"
          + " study.",
      "Two self-improvement rounds on arithmetic with several verifiers, a scaling study over the family, and",
      "two self-improvement rounds on 4x4 Sudoku (when the specs folder has demo-sudoku.yaml). Prints short",
      "tables and the reports' paths."
    })
final class DemoCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Option(
      names = "--specs",
      paramLabel = "DIR",
      defaultValue = "examples/specs",
      description =
          "Folder with demo-improve.yaml, demo-scaling.yaml and optionally demo-sudoku.yaml "
              + "(default: ${DEFAULT-VALUE}).")
  Path specs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "runs/demo",
      description =
          "Where the demo writes improve/, scaling/ and sudoku/ (default: ${DEFAULT-VALUE}).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Path improveSpec = specs.resolve("demo-improve.yaml");
    Path scalingSpec = specs.resolve("demo-scaling.yaml");
    for (Path p : new Path[] {improveSpec, scalingSpec}) {
      if (!Files.exists(p)) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            p.toAbsolutePath()
                + " does not exist; run gvgap demo from the repository root or give --specs DIR");
      }
    }
    Instant start = Instant.now();
    RoundsFile rounds = ImproveCommand.run(parent, improveSpec, output.resolve("improve"));
    Duration improveTime = Duration.between(start, Instant.now());
    Instant scalingStart = Instant.now();
    ScalingFile scaling = ScalingCommand.run(parent, scalingSpec, output.resolve("scaling"));
    Duration scalingTime = Duration.between(scalingStart, Instant.now());
    Path sudokuSpec = specs.resolve("demo-sudoku.yaml");
    RoundsFile sudoku = null;
    Instant sudokuStart = Instant.now();
    if (Files.exists(sudokuSpec)) {
      sudoku = ImproveCommand.run(parent, sudokuSpec, output.resolve("sudoku"));
    }
    Duration sudokuTime = Duration.between(sudokuStart, Instant.now());
    PrintWriter out = spec.commandLine().getOut();
    StudyTables.printRounds(out, rounds);
    StudyTables.printScaling(out, scaling);
    if (sudoku != null) {
      StudyTables.printRounds(out, sudoku);
    }
    out.printf(
        "%ndemo finished in %s (improvement %s, scaling %s%s)%n",
        ConsoleProgress.format(Duration.between(start, Instant.now())),
        ConsoleProgress.format(improveTime),
        ConsoleProgress.format(scalingTime),
        sudoku == null ? "" : ", sudoku " + ConsoleProgress.format(sudokuTime));
    out.printf(
        "improvement report: %s%n",
        output.resolve("improve").resolve("report.html").toAbsolutePath());
    out.printf(
        "scaling report: %s%n", output.resolve("scaling").resolve("report.html").toAbsolutePath());
    if (sudoku != null) {
      out.printf(
          "sudoku improvement report: %s%n",
          output.resolve("sudoku").resolve("report.html").toAbsolutePath());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
