package io.gvgap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the gvgap command line in this JVM, as the launcher does, and captures its output. */
final class InProcessGvgap {

  /**
   * What a command did.
   *
   * @param code its exit code
   * @param out standard output
   * @param err standard error
   */
  record Result(int code, String out, String err) {}

  private InProcessGvgap() {}

  /** Runs {@code gvgap ARGS...} as {@link Main#run} does (same handlers and converters). */
  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
