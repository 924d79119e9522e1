package io.gvgap.tasks.gsm8k;

import io.gvgap.api.task.Answer;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the final number in a GSM8K-style completion and writes numbers in one canonical form, so
 * that {@code 1,000}, {@code $1000.00} and {@code 1000} are the same answer.
 *
 * <p>Three extraction modes (option {@code extraction} of the task): {@code auto}, in order of
 * trust, the first {@code #### n} line, else the last "the answer is n" (any case, also "answer:
 * n"), else the last number in the text; {@code strict}, only the first {@code #### n} (the format
 * the exemplars teach: a completion without it has no answer); {@code flexible}, the last number in
 * the text. In every mode text from a following "Question:" on is ignored: the model has started a
 * new problem of the few-shot pattern.
 */
public final class NumericAnswers {

  /** A number as written in prose: optional minus and dollar sign, thousands separators, decimals. */
  private static final String NUMBER =
      "(?<![\\w.,])(-?)(?:\\$\\s?)?(-?)((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)(?!\\d)";

  private static final Pattern ANY_NUMBER = Pattern.compile(NUMBER);
  private static final Pattern HASHES =
      Pattern.compile("####\\s*" + NUMBER.replace("(?<![\\w.,])", ""));
  private static final Pattern ANSWER_IS = Pattern.compile(
      "(?i)answer(?:\\s+is|\\s*:)\\s*[:=]?\\s*" + NUMBER.replace("(?<![\\w.,])", ""));

  private NumericAnswers() {}

  /** The final number of a completion in canonical form ({@code auto}), or {@link Answer#none()}. */
  public static Answer extract(String completion) {
    return extract(completion, "auto");
  }

  /**
   * The answer of a completion in extraction mode {@code mode} ({@code auto}, {@code strict} or
   * {@code flexible}; see the class comment), in canonical form, or {@link Answer#none()}.
   */
  public static Answer extract(String completion, String mode) {
    String text = completion.replace('\u2212', '-');
    int nextQuestion = text.indexOf("\nQuestion:");
    if (nextQuestion >= 0) {
      text = text.substring(0, nextQuestion);
    }
    if (mode.equals("flexible")) {
      return last(ANY_NUMBER.matcher(text)).map(Answer::of).orElse(Answer.none());
    }
    Matcher hashes = HASHES.matcher(text);
    if (hashes.find()) {
      return Answer.of(canonical(hashes));
    }
    if (mode.equals("strict")) {
      return Answer.none();
    }
    Optional<String> stated = last(ANSWER_IS.matcher(text));
    if (stated.isPresent()) {
      return Answer.of(stated.get());
    }
    return last(ANY_NUMBER.matcher(text)).map(Answer::of).orElse(Answer.none());
  }

  /**
   * The canonical form of a number written as in GSM8K ({@code 1,000}, {@code -3}, {@code 2.50}):
   * no separators, no trailing zeros, no negative zero.
   *
   * @throws NumberFormatException when the text is not such a number
   */
  public static String canonical(String number) {
    Matcher matcher = ANY_NUMBER.matcher(number.strip().replace('\u2212', '-'));
    if (!matcher.matches()) {
      throw new NumberFormatException("not a number: " + number);
    }
    return canonical(matcher);
  }

  private static Optional<String> last(Matcher matcher) {
    String last = null;
    while (matcher.find()) {
      last = canonical(matcher);
    }
    return Optional.ofNullable(last);
  }

  private static String canonical(Matcher matcher) {
    boolean negative = !matcher.group(1).isEmpty() ^ !matcher.group(2).isEmpty();
    BigDecimal value = new BigDecimal(matcher.group(3).replace(",", ""));
    if (negative) {
      value = value.negate();
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
