package io.gvgap.bench.generation;

/**
 * One benchmark workload: {@code prompts} few-shot prompts, {@code samples} samples of each, each
 * sample {@code newTokens} tokens long.
 *
 * @param prompts number of distinct prompts
 * @param samples samples per prompt
 * @param newTokens tokens generated per sample
 */
public record Workload(int prompts, int samples, int newTokens) {
  /** Validates the counts. */
  public Workload {
    if (prompts < 1 || samples < 1 || newTokens < 1) {
      throw new IllegalArgumentException("a workload needs >= 1 prompt, sample and new token, was "
          + prompts + "x" + samples + " with " + newTokens + " new tokens");
    }
  }

  /**
   * Parses {@code PROMPTSxSAMPLES} (e.g. {@code 8x128}) with the given new tokens per sample.
   *
   * @throws IllegalArgumentException naming the text when it is not two positive integers around an x
   */
  public static Workload parse(String text, int newTokens) {
    String[] parts = text.trim().split("x");
    try {
      if (parts.length == 2) {
        return new Workload(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), newTokens);
      }
    } catch (NumberFormatException e) {
      // reported below with the expected form
    }
    throw new IllegalArgumentException(
        "workload '" + text + "' is not PROMPTSxSAMPLES, e.g. 8x128");
  }

  /** {@code PROMPTSxSAMPLES}, as in the result table. */
  public String label() {
    return prompts + "x" + samples;
  }

  /** Tokens the workload generates: prompts x samples x new tokens. */
  public long generatedTokens() {
    return (long) prompts * samples * newTokens;
  }
}
