package io.gvgap.cli;

import picocli.CommandLine;

/** The {@code gvgap} command line. */
public final class Main {

  private Main() {
  }

  /** Runs gvgap and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs gvgap and returns its exit code (used by tests and the Maven plugin). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new GvgapCommand());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl.execute(args);
  }
}
