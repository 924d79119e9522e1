package io.gvgap.server;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A test model whose numbers are easy to compute by hand: a continuation {@code c} after a context
 * of length {@code L} has log-probability {@code -0.5 * c.length() - 0.001 * L}; sample {@code i}
 * of a request is the text {@code "s<i>:<seed>"} with log-probability {@code -(i + 1)}.
 */
class LengthScoredModel implements LanguageModel {
  final List<String> calls = new ArrayList<>();

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    List<Generation> out = new ArrayList<>();
    for (GenerationRequest r : requests) {
      calls.add("gen " + r.id() + " n=" + r.count() + " max=" + params.maxNewTokens() + " t="
          + params.temperature() + " stop=" + r.stop());
      List<Completion> completions = new ArrayList<>();
      for (int i = r.firstSampleIndex(); i < r.firstSampleIndex() + r.count(); i++) {
        String text = "s" + i + ":" + params.seed();
        completions.add(new Completion(
            i, text, text.length(), -(i + 1), i == 0 ? FinishReason.EOS : FinishReason.LENGTH));
      }
      out.add(new Generation(r.id(), completions));
    }
    return out;
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    List<ScoringResult> out = new ArrayList<>();
    for (ScoringRequest r : requests) {
      List<Double> lps = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (String c : r.continuations()) {
        lps.add(-0.5 * c.length() - 0.001 * r.context().length());
        counts.add(c.length());
      }
      out.add(new ScoringResult(r.id(), lps, counts));
    }
    return out;
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("length-scored", -1, -1, Map.of());
  }

  @Override
  public void close() {}
}
