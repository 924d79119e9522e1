package io.gvgap.cli;

/**
 * Bad command-line usage found while a command runs (a malformed {@code -O} pair, an out-of-range
 * value, a missing input file): exit code {@link ExitCodes#USAGE}, printed without a stack trace hint.
 */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
