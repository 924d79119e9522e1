package io.gvgap.models;

import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.VerificationDocument;
import io.gvgap.tasks.arithmetic.VerificationStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/** A model's accuracy as a zero-shot multiple-choice judge, the figure the model cards report. */
final class MultipleChoiceJudging {

  private MultipleChoiceJudging() {}

  /**
   * Share of the judged documents 0, 4, 8, ... (the multiple-choice ones of a corpus whose styles
   * cycle) among the first {@code 4 * count} where the model gives the right verdict word more
   * probability than the wrong one.
   *
   * @param document the corpus's verification document of an index
   * @param formats the task's zero-shot verification formats (for the verdict words)
   */
  static double accuracy(
      OnnxLanguageModel model,
      LongFunction<VerificationDocument> document,
      VerificationFormats formats,
      int count) {
    List<ScoringRequest> requests = new ArrayList<>();
    List<Boolean> correct = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      VerificationDocument judged = document.apply(4L * i);
      if (judged.style() != VerificationStyle.MULTIPLE_CHOICE) {
        throw new IllegalStateException("verification document " + 4L * i + " is " + judged.style()
            + ", expected MULTIPLE_CHOICE: the corpus's style order changed");
      }
      requests.add(new ScoringRequest(
          "judge-" + i, judged.prompt(), List.of(formats.correctWord(), formats.incorrectWord())));
      correct.add(judged.responseCorrect());
    }
    Map<String, ScoringResult> results = new HashMap<>();
    for (ScoringResult result : model.score(requests)) {
      results.put(result.id(), result);
    }
    int right = 0;
    for (int i = 0; i < count; i++) {
      ScoringResult result = results.get("judge-" + i);
      boolean saysCorrect = result.logProbs().get(0) > result.logProbs().get(1);
      if (saysCorrect == correct.get(i)) {
        right++;
      }
    }
    return right / (double) count;
  }
}
