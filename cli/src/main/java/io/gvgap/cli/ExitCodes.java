package io.gvgap.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code gvgap}: the one table that {@code gvgap --help}, the README ("Exit codes")
 * and {@link ErrorHandler} share. {@code ExitCodesTest} runs a case of each through the command line
 * and compares this table with the README's.
 */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The command failed while working (a plugin or model error, bad task data, a file it cannot read or write). */
  public static final int FAILED = 1;
  /** Bad command-line usage or an invalid spec. */
  public static final int USAGE = 2;
  /** A plugin could not be found or loaded (an unknown name in a command or spec, a duplicate, a bad plugin path). */
  public static final int PLUGINS = 3;
  /** The run directory cannot be used (another spec's run, not a run directory, cannot be created). */
  public static final int RUN_DIRECTORY = 4;

  private ExitCodes() {}

  /** Every exit code with what it means, in order; the README's table says the same. */
  public static Map<Integer, String> meanings() {
    Map<Integer, String> meanings = new LinkedHashMap<>();
    meanings.put(OK, "success");
    meanings.put(
        FAILED,
        "failed while working: a plugin, model or data error, or a file that cannot be read or"
            + " written");
    meanings.put(
        USAGE,
        "bad usage: an unknown command or option, a malformed or out-of-range value, a missing input"
            + " file, or an invalid spec");
    meanings.put(
        PLUGINS,
        "a plugin could not be found or loaded: an unknown task, verifier, filter or backend name (on"
            + " the command line or in a spec), two plugins with one name, or a bad --plugin-path");
    meanings.put(
        RUN_DIRECTORY,
        "the run or output directory cannot be used: it holds another spec's run, is not a run"
            + " directory, cannot be created, is in use by another gvgap process, or holds a model that"
            + " only --overwrite may replace");
    return Collections.unmodifiableMap(meanings);
  }
}
