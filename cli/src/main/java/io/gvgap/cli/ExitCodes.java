package io.gvgap.cli;

/** The exit codes of {@code gvgap}, documented in {@code gvgap --help} and the README. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The run or command failed while working (a plugin error, a model error, bad task data). */
  public static final int FAILED = 1;
  /** Bad command-line usage or an invalid spec. */
  public static final int USAGE = 2;
  /** A plugin could not be found or loaded (unknown name, duplicate name, bad plugin path). */
  public static final int PLUGINS = 3;
  /** The run directory cannot be used (another spec's run, not a run directory, damaged). */
  public static final int RUN_DIRECTORY = 4;

  private ExitCodes() {
  }
}
