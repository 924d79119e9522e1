package io.gvgap.core.openai;

/**
 * Token counts of a response.
 *
 * @param promptTokens tokens of the prompts
 * @param completionTokens tokens generated
 * @param totalTokens the sum
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens) {

  /** Counts with the total computed. */
  public static Usage of(long promptTokens, long completionTokens) {
    return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
  }
}
