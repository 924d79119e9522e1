package io.gvgap.cli;

import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.TokenBoundaries;
import java.util.Arrays;

/**
 * Token starts of a text under an ONNX model's own tokenizer: token {@code i} starts where the
 * decoded first {@code i} tokens end. When decoding does not give the text back (a normalising
 * tokenizer), it falls back to one token per character.
 */
final class OnnxTokenBoundaries implements TokenBoundaries {
  private final OnnxLanguageModel model;

  OnnxTokenBoundaries(OnnxLanguageModel model) {
    this.model = model;
  }

  @Override
  public int[] starts(String text) {
    long[] ids = model.tokenizer().encode(text, false);
    if (!model.tokenizer().decode(ids).equals(text)) {
      return TokenBoundaries.characters().starts(text);
    }
    int[] starts = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      starts[i] = model.tokenizer().decode(Arrays.copyOf(ids, i)).length();
    }
    return starts;
  }
}
