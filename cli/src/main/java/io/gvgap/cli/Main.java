package io.gvgap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** The {@code gvgap} command line. */
public final class Main {

  /** picocli wraps help lines at 80 columns; the footer wraps itself first to keep its indent. */
  private static final int FOOTER_WIDTH = 79;

  private Main() {}

  /** Runs gvgap and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs gvgap and returns its exit code (used by tests and the Maven plugin). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /**
   * The command line as {@link #run} executes it: error handling and exit codes ({@link ErrorHandler}),
   * path arguments ({@link PathConverter}) and the exit-code table in {@code --help}.
   */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new GvgapCommand());
    ErrorHandler errors = new ErrorHandler();
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.registerConverter(Path.class, new PathConverter());
    cl.getCommandSpec()
        .usageMessage()
        .footerHeading("%nExit codes:%n")
        .footer(exitCodeFooter().toArray(new String[0]));
    return cl;
  }

  /** {@link ExitCodes#meanings()} as lines of the help's footer, wrapped under their code. */
  private static List<String> exitCodeFooter() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Integer, String> code : ExitCodes.meanings().entrySet()) {
      StringBuilder line = new StringBuilder("  " + code.getKey() + "  ");
      for (String word : code.getValue().split(" ")) {
        if (line.length() + word.length() > FOOTER_WIDTH) {
          lines.add(line.toString().stripTrailing());
          line = new StringBuilder("     ");
        }
        line.append(word).append(' ');
      }
      lines.add(line.toString().stripTrailing());
    }
    // picocli reads footer lines as format strings
    lines.replaceAll(text -> text.replace("%", "%%"));
    return lines;
  }
}
