package io.gvgap.tasks.nqopen;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalisation of short answers used for open-domain QA exact match: lower case, punctuation
 * removed, the articles a, an and the removed, white space collapsed.
 *
 * <p>A text that normalises to nothing (an alias such as {@code "A+"} or {@code "---"}, which NQ-open
 * has) falls back to lower case with collapsed white space, so that it can still be matched exactly.
 */
public final class ShortAnswers {

  /** ASCII punctuation and symbols (as Python's string.punctuation) and Unicode punctuation. */
  private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Punct}\\p{IsPunctuation}]");

  private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ShortAnswers() {}

  /** The normalised form; empty only for a blank text. */
  public static String normalize(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    String strict =
        collapse(ARTICLES.matcher(PUNCTUATION.matcher(lower).replaceAll("")).replaceAll(" "));
    return strict.isEmpty() ? collapse(lower) : strict;
  }

  private static String collapse(String text) {
    return SPACES.matcher(text).replaceAll(" ").strip();
  }
}
