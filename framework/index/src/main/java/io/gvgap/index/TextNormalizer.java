package io.gvgap.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The one text normalisation that exact duplicates, shingles and decontamination n-grams share.
 *
 * <p>Policy, in order: Unicode NFKC (so full-width digits and ligatures match their plain forms);
 * lower case ({@link Locale#ROOT}); every character that is not a letter or a digit
 * ({@link Character#isLetterOrDigit(int)}) is a separator, so punctuation, symbols and all
 * whitespace count alike; runs of separators collapse to one space; leading and trailing
 * separators are dropped. Hence {@code "The answer is 42."} and {@code "the  ANSWER is: 42"} are
 * equal, and so are {@code "3.5"} and {@code "3 5"} (a deliberate trade: dedup and
 * decontamination care about wording, not about formatting).
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** Normalises {@code text} by the policy above; never null, empty for a text with no letter or digit. */
  public static String normalize(String text) {
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(folded.length());
    boolean pendingSeparator = false;
    for (int i = 0; i < folded.length(); ) {
      int codePoint = folded.codePointAt(i);
      i += Character.charCount(codePoint);
      if (Character.isLetterOrDigit(codePoint)) {
        if (pendingSeparator && out.length() > 0) {
          out.append(' ');
        }
        pendingSeparator = false;
        out.appendCodePoint(codePoint);
      } else {
        pendingSeparator = true;
      }
    }
    return out.toString();
  }

  /** The exact-duplicate key: lower-case hex SHA-256 of the UTF-8 bytes of {@link #normalize(String)}. */
  public static String contentHash(String text) {
    return sha256Hex(normalize(text));
  }

  /** Hex SHA-256 of an already normalised text. */
  static String sha256Hex(String normalised) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(
          "SHA-256 is required of every Java runtime but is missing", e);
    }
  }
}
