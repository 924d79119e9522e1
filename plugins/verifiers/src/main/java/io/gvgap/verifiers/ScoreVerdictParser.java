package io.gvgap.verifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the verdict of a CoT-Score judgement: the LAST {@code Score: N} (or {@code Score: N/10}) in
 * the output, case-insensitive, tolerant of whitespace and markdown emphasis like the binary parser.
 * N must be an integer from 1 to 10 and a denominator, if written, must be 10; the value is the
 * normalised {@code (N - 1) / 9}. The last score line decides: when it is out of range or not an
 * integer the judgement is a parse failure, and an earlier valid line is not used instead, because
 * the model's final word was not a valid score.
 */
final class ScoreVerdictParser {

  private static final Pattern SCORE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])score[\\s*_`]*:[\\s*_`\"']*([+-]?\\d+(?:[.,]\\d+)?)"
          + "(?:\\s*(?:/|out\\s+of)\\s*([+-]?\\d+(?:[.,]\\d+)?))?(?![\\p{L}\\p{N}_])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private ScoreVerdictParser() {}

  /** {@code (N - 1) / 9} for the last valid "Score: N", or a failure saying what was wrong. */
  static Verdict parse(String output) {
    Matcher matcher = SCORE.matcher(output);
    String number = null;
    String denominator = null;
    while (matcher.find()) {
      number = matcher.group(1);
      denominator = matcher.group(2);
    }
    if (number == null) {
      return Verdict.failed("no line \"Score: N\" (N from 1 to 10) in the output");
    }
    String written = denominator == null ? number : number + "/" + denominator;
    if (denominator != null && !denominator.equals("10")) {
      return Verdict.failed("score \"" + written + "\" is not out of 10");
    }
    if (!number.matches("[+-]?\\d+")) {
      return Verdict.failed("score \"" + written + "\" is not an integer from 1 to 10");
    }
    // A longer number is out of range (or absurdly zero-padded); skipping it keeps parseLong from
    // overflowing.
    long n = number.length() > 10 ? Long.MAX_VALUE : Long.parseLong(number);
    if (n < 1 || n > 10) {
      return Verdict.failed("score \"" + written + "\" is outside 1 to 10");
    }
    return Verdict.of((n - 1) / 9.0, n + "/10");
  }
}
