package io.gvgap.remote;

import io.gvgap.core.openai.LegacyLogProbs;
import java.util.List;

/**
 * Reads a continuation's log-probability from an echoed completion's legacy {@code logprobs}
 * ({@code tokens}, {@code token_logprobs}, {@code text_offset}).
 *
 * <p>Boundary rule: the continuation's tokens are those whose {@code text_offset} lies in
 * {@code [context.length(), context.length() + continuation.length())}. A token that starts
 * inside the context and runs into the continuation (a tokenizer merging across the boundary)
 * counts as context; tokens a server generated after the prompt are ignored.
 */
final class EchoScoring {

  /** Sum and number of the continuation's tokens. */
  record Sum(double logProb, int tokens) {}

  private EchoScoring() {}

  /**
   * Sums the continuation's token log-probabilities.
   *
   * @return null when the response has no prompt log-probabilities (the server does not support them)
   */
  static Sum sum(LegacyLogProbs logprobs, int contextLength, int continuationLength) {
    if (logprobs == null) {
      return null;
    }
    List<Double> values = logprobs.tokenLogprobs();
    List<Integer> offsets = logprobs.textOffset();
    if (values == null || offsets == null || values.size() != offsets.size() || values.isEmpty()) {
      return null;
    }
    int end = contextLength + continuationLength;
    double sum = 0;
    int count = 0;
    for (int i = 0; i < offsets.size(); i++) {
      Integer offset = offsets.get(i);
      if (offset != null && offset >= contextLength && offset < end) {
        Double value = values.get(i);
        if (value == null) {
          return null;
        }
        sum += value;
        count++;
      }
    }
    return new Sum(sum, count);
  }
}
