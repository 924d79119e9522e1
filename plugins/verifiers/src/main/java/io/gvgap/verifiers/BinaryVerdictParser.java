package io.gvgap.verifiers;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the verdict of a CoT-Binary judgement: the LAST {@code Verdict: correct} or
 * {@code Verdict: incorrect} in the output, case-insensitive, with any whitespace and markdown
 * emphasis ({@code * _ `}) or quotes around the colon and the word ({@code **Verdict:** Correct}).
 * The word must end there: {@code correct-ish}, {@code correctly} or {@code not correct} are not
 * verdicts. Model output is untrusted text, so anything else is a parse failure, never a guess.
 */
final class BinaryVerdictParser {

  private static final Pattern VERDICT = Pattern.compile(
      "(?<![\\p{L}\\p{N}])verdict[\\s*_`]*:[\\s*_`\"']*(correct|incorrect)(?![\\p{L}\\p{N}_-])",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private BinaryVerdictParser() {}

  /** 1 for correct, 0 for incorrect, or a failure naming what was expected. */
  static Verdict parse(String output) {
    Matcher matcher = VERDICT.matcher(output);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1).toLowerCase(Locale.ROOT);
    }
    if (last == null) {
      return Verdict.failed("no line \"Verdict: correct\" or \"Verdict: incorrect\" in the output");
    }
    return Verdict.of(last.equals("correct") ? 1 : 0, last);
  }
}
