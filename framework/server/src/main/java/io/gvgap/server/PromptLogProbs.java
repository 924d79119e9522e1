package io.gvgap.server;

import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-token log-probabilities of a prompt, for {@code echo} with {@code logprobs}: token {@code i}
 * is scored with {@link io.gvgap.api.model.LanguageModel#score} as the continuation of the text
 * before it. The first token has no context and gets {@code null}, as in OpenAI's API. For a model
 * whose tokenizer splits the prompt at the same places as {@link TokenBoundaries}, the sum over
 * tokens at and after a boundary equals the model's own score of that continuation.
 */
final class PromptLogProbs {
  static final int TOKENS_PER_CALL = 32;

  /** The tokens of one prompt: text, start offset and log-probability ({@code null} for the first). */
  record Tokens(List<String> tokens, List<Integer> offsets, List<Double> logProbs) {}

  private PromptLogProbs() {}

  static List<String> split(String text, int[] starts) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      tokens.add(text.substring(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length()));
    }
    return tokens;
  }

  /**
   * Scores the prompt's tokens, {@value #TOKENS_PER_CALL} per model call: each call holds one copy
   * of the text before each of its tokens, so a long prompt never holds them all at once.
   */
  static Tokens compute(
      SerializedModel model, int[] starts, String prompt, CompletionsEndpoint.Cancellation check) {
    List<String> tokens = split(prompt, starts);
    Map<String, Double> byId = new HashMap<>();
    for (int from = 1; from < tokens.size(); from += TOKENS_PER_CALL) {
      check.check();
      List<ScoringRequest> requests = new ArrayList<>();
      for (int i = from; i < Math.min(tokens.size(), from + TOKENS_PER_CALL); i++) {
        requests.add(
            new ScoringRequest("t" + i, prompt.substring(0, starts[i]), List.of(tokens.get(i))));
      }
      for (ScoringResult result : model.score(requests)) {
        byId.put(result.id(), result.logProbs().get(0));
      }
    }
    List<Integer> offsets = new ArrayList<>();
    List<Double> logProbs = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      offsets.add(starts[i]);
      logProbs.add(i == 0 ? null : byId.get("t" + i));
    }
    return new Tokens(tokens, offsets, logProbs);
  }
}
