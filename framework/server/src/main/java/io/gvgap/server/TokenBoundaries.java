package io.gvgap.server;

/**
 * Where a model's tokens start in a text, so that echoed prompts can carry per-token
 * log-probabilities with OpenAI's {@code text_offset}. The server scores token {@code i} as a
 * continuation of the text before it, so a boundary must be one the model's tokenizer really has
 * (a model's own tokenizer gives the exact split; {@link #characters()} is exact only for
 * character-level models).
 */
@FunctionalInterface
public interface TokenBoundaries {

  /**
   * Start offsets (in UTF-16 chars) of the tokens of {@code text}: strictly increasing, the first
   * is 0 when the text is not empty, all below {@code text.length()}.
   */
  int[] starts(String text);

  /** One token per Unicode code point. */
  static TokenBoundaries characters() {
    return TokenBoundaries::codePointStarts;
  }

  private static int[] codePointStarts(String text) {
    int[] starts = new int[text.codePointCount(0, text.length())];
    int offset = 0;
    for (int i = 0; i < starts.length; i++) {
      starts[i] = offset;
      offset += Character.charCount(text.codePointAt(offset));
    }
    return starts;
  }
}
