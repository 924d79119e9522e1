package io.gvgap.verifiers;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.testing.ScriptedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A judge for the conformance kit that writes what chain-of-thought and pairwise verifiers parse: a
 * verdict, a 1-10 score and a preferred letter, chosen by (seed, request id, sample index) alone, as
 * the determinism contract asks; one text in five has no verdict at all. It scores with gvgap-testing's
 * scripted model.
 */
final class VerdictWritingJudge implements LanguageModel {
  private final LanguageModel scorer =
      new ScriptedBackend().create(new ScriptedBackend.Options(null, 0));

  @Override
  public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    List<Generation> out = new ArrayList<>();
    for (GenerationRequest request : requests) {
      List<Completion> completions = new ArrayList<>();
      for (int i = request.firstSampleIndex();
          i < request.firstSampleIndex() + request.count();
          i++) {
        int h = Math.floorMod(
            Long.hashCode(params.seed() * 31 + request.id().hashCode()) * 17 + i, 1000);
        String text = h % 5 == 0
            ? "I cannot tell."
            : "Checking the steps.\nVerdict: " + (h % 2 == 0 ? "correct" : "incorrect")
                + "\nScore: " + (1 + h % 10) + "\nBetter: " + (h % 3 == 0 ? "B" : "A");
        completions.add(new Completion(i, text, text.length(), Double.NaN, FinishReason.EOS));
      }
      out.add(new Generation(request.id(), completions));
    }
    return out;
  }

  @Override
  public List<ScoringResult> score(List<ScoringRequest> requests) {
    return scorer.score(requests);
  }

  @Override
  public ModelInfo info() {
    return new ModelInfo("verdict-writer", -1, -1, Map.of());
  }

  @Override
  public void close() {
    scorer.close();
  }
}
