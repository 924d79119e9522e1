package io.gvgap.cli;

import io.gvgap.api.task.TaskDataException;
import io.gvgap.core.files.FileProblems;
import io.gvgap.core.options.OptionsException;
import io.gvgap.core.registry.PluginLoadException;
import io.gvgap.core.registry.UnknownProviderException;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.store.RunStoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place where failures become exit codes ({@link ExitCodes}) and messages: one clear line on
 * standard error, the stack trace only with {@code GVGAP_DEBUG=1}. Handles both usage errors found
 * while parsing the command line and exceptions thrown by a command.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  /** Where Jackson says a parse failed, with its noise about the redacted source. */
  private static final Pattern JACKSON_LOCATION = Pattern.compile(
      "\\s*at \\[Source: REDACTED \\(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled\\); line: (\\d+),"
          + " column: (\\d+)\\]");

  /** The exit code of a failure, following the table of {@link ExitCodes#meanings()}. */
  static int exitCode(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // a plugin name that cannot be resolved is exit code 3 wherever it is named: command line or
      // spec
      if (t instanceof UnknownProviderException || t instanceof PluginLoadException) {
        return ExitCodes.PLUGINS;
      }
    }
    if (e instanceof SpecException
        || e instanceof OptionsException
        || e instanceof UsageException
        || e instanceof ParameterException) {
      return ExitCodes.USAGE;
    }
    if (e instanceof RunStoreException) {
      return ExitCodes.RUN_DIRECTORY;
    }
    return ExitCodes.FAILED;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("gvgap: error: " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    if (!cl.getSubcommands().isEmpty()
        && e.getMessage().startsWith("Missing required subcommand")) {
      // 'gvgap' or 'gvgap models' alone: the list of commands is what the user is looking for
      err.println();
      cl.usage(err);
    } else {
      err.println("Usage: see '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof ParameterException pe) {
      return handleParseException(
          pe, parsed == null ? new String[0] : parsed.originalArgs().toArray(new String[0]));
    }
    int code = exitCode(e);
    String kind = e instanceof TaskDataException ? "bad task data: " : "";
    PrintWriter err = cl.getCommandSpec().root().commandLine().getErr();
    err.println("gvgap: error: " + kind + message(e));
    if ("1".equals(System.getenv("GVGAP_DEBUG"))) {
      e.printStackTrace(err);
    } else if (code == ExitCodes.FAILED) {
      err.println("(set GVGAP_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return code;
  }

  /**
   * The message, with the file system's reason added where the exception's own text leaves it out, and
   * Jackson's "[Source: REDACTED ...]" location said as "line L, column C".
   */
  static String message(Throwable e) {
    String text = e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName()
        : e.getMessage();
    text = JACKSON_LOCATION.matcher(text).replaceAll(" at line $1, column $2");
    IOException io = e instanceof IOException direct
        ? direct
        : e instanceof UncheckedIOException unchecked ? unchecked.getCause() : null;
    if (io != null) {
      String explained = explain(io);
      if (io == e) {
        return explained;
      }
      // the advice after the last "; " names no path: it shows whether the message already explains
      // the cause
      String advice = explained.substring(explained.lastIndexOf("; ") + 1).strip();
      return text.contains(advice) ? text : text + ": " + explained;
    }
    if (rootCause(e) instanceof CharacterCodingException && text.contains("Input length")) {
      // a reader that did not name its file: still no bare "Input length = 1"
      return "an input is not UTF-8 text; save it as UTF-8 (GVGAP_DEBUG=1 shows where it was read)";
    }
    return text;
  }

  private static String explain(IOException e) {
    if (e instanceof FileSystemException fse && fse.getFile() != null) {
      try {
        return FileProblems.explain(Path.of(fse.getFile()), e);
      } catch (InvalidPathException ignored) {
        // not a path (e.g. "stdin:3"): the exception's own message names it
      }
    }
    if (e instanceof CharacterCodingException) {
      return "an input is not UTF-8 text; save it as UTF-8";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
