package io.gvgap.cli;

import io.gvgap.api.task.TaskDataException;
import io.gvgap.core.options.OptionsException;
import io.gvgap.core.registry.PluginLoadException;
import io.gvgap.core.registry.UnknownProviderException;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.store.RunStoreException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions into one clear message on standard error and a meaningful exit code; the
 * stack trace only with {@code GVGAP_DEBUG=1}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    int code;
    if (e instanceof SpecException || e instanceof OptionsException) {
      code = ExitCodes.USAGE;
    } else if (e instanceof UnknownProviderException || e instanceof PluginLoadException) {
      code = ExitCodes.PLUGINS;
    } else if (e instanceof RunStoreException) {
      code = ExitCodes.RUN_DIRECTORY;
    } else {
      code = ExitCodes.FAILED;
    }
    String kind = e instanceof TaskDataException ? "bad task data: " : "";
    java.io.PrintWriter err = cl.getCommandSpec().root().commandLine().getErr();
    err.println("gvgap: error: " + kind + e.getMessage());
    if ("1".equals(System.getenv("GVGAP_DEBUG"))) {
      e.printStackTrace(err);
    } else if (code == ExitCodes.FAILED) {
      err.println("(set GVGAP_DEBUG=1 for the stack trace)");
    }
    return code;
  }
}
