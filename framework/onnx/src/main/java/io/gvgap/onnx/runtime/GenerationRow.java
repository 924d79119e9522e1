package io.gvgap.onnx.runtime;

import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One sample being generated: its request, the prompt it continues (its slot in the prefill group and
 * its left padding), its seeded random stream, and the tokens chosen so far, until it finishes (end
 * of text, a stop string, max_tokens or the model's context).
 */
final class GenerationRow {
  private final TextTokenizer tokenizer;
  private final ModelConfig config;
  final GenerationRequest request;
  final int promptSlot;
  final int sampleIndex;
  final int promptLength;
  final int padding;
  final SplittableRandom random;
  /** The row's index in the shared-prefix step's layout; -1 before its first step. */
  int position = -1;

  long[] tokens = new long[16];
  int count;
  double logProb;
  FinishReason finish;
  String text;

  GenerationRow(
      GenerationRequest request,
      int promptSlot,
      int sampleIndex,
      int promptLength,
      int paddedLength,
      SplittableRandom random,
      TextTokenizer tokenizer,
      ModelConfig config) {
    this.tokenizer = tokenizer;
    this.config = config;
    this.request = request;
    this.promptSlot = promptSlot;
    this.sampleIndex = sampleIndex;
    this.promptLength = promptLength;
    this.padding = paddedLength - promptLength;
    this.random = random;
  }

  long lastToken() {
    return tokens[count - 1];
  }

  void accept(TokenSampler.Choice choice, SamplingParams params) {
    if (count == tokens.length) {
      tokens = Arrays.copyOf(tokens, 2 * count);
    }
    tokens[count++] = choice.token();
    logProb += choice.logProb();
    if (config.eosIds().contains((long) choice.token())) {
      finish = FinishReason.EOS;
      text = tokenizer.decode(Arrays.copyOf(tokens, count - 1));
      return;
    }
    if (!request.stop().isEmpty()) {
      String decoded = tokenizer.decode(Arrays.copyOf(tokens, count));
      int cut = -1;
      for (String stop : request.stop()) {
        int at = stop.isEmpty() ? -1 : decoded.indexOf(stop);
        if (at >= 0 && (cut < 0 || at < cut)) {
          cut = at;
        }
      }
      if (cut >= 0) {
        finish = FinishReason.STOP;
        text = decoded.substring(0, cut);
        return;
      }
    }
    if (count >= params.maxNewTokens()) {
      finish = FinishReason.LENGTH;
    } else if (config.contextLength() > 0 && promptLength + count > config.contextLength()) {
      // the next call would have to read promptLength + count tokens, more than the model's
      // positions
      finish = FinishReason.CONTEXT;
    }
    if (finish != null) {
      text = tokenizer.decode(Arrays.copyOf(tokens, count));
    }
  }

  SampleResult result() {
    return new SampleResult(
        request.id(), sampleIndex, text, Arrays.copyOf(tokens, count), logProb, finish);
  }
}
