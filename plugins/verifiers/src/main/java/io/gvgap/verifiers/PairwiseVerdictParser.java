package io.gvgap.verifiers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a pairwise judgement: the LAST {@code Better: A} or {@code Better: B} in the output
 * ({@code better} in any case, the letter in upper case so that "Better: a lot" is no verdict;
 * {@code Better: Answer B} and markdown emphasis are accepted).
 */
final class PairwiseVerdictParser {

  private static final Pattern BETTER = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?i:better)[\\s*_`]*:[\\s*_`\"'(]*(?:(?i:answer|response)\\s+)?([AB])(?![\\p{L}\\p{N}_-])");

  private PairwiseVerdictParser() {}

  /** "A" (value 1) or "B" (value 0), or a failure naming what was expected. */
  static Verdict parse(String output) {
    Matcher matcher = BETTER.matcher(output);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      return Verdict.failed("no line \"Better: A\" or \"Better: B\" in the output");
    }
    return Verdict.of(last.equals("A") ? 1 : 0, last);
  }
}
