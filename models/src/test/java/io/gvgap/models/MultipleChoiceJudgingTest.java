package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.ArithmeticCorpus;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import io.gvgap.tasks.arithmetic.VerificationDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipleChoiceJudgingTest {
  private static final ArithmeticOptions ZERO_SHOT =
      new ArithmeticOptions().withVerificationShots(0);

  @TempDir
  Path directory;

  @Test
  void accuracyIsTheShareOfDocumentsWhoseRightVerdictWordIsMoreLikelyScoredOneAtATime()
      throws Exception {
    DecoderConfig config =
        DecoderConfig.gpt2Like(CharVocabulary.printableAscii().size(), 640, 1, 16, 2);
    ModelDirectory.writeRandom(directory, config, CharVocabulary.printableAscii(), 3);
    ArithmeticCorpus corpus = new ArithmeticCorpus(ZERO_SHOT);
    VerificationFormats formats = new ArithmeticTask(ZERO_SHOT).verification();
    // 5 documents: 3 judge right solutions and 2 wrong ones (right for even i), so even a model
    // that
    // always prefers one verdict word scores 0.6 or 0.4, never one half
    int count = 5;
    try (OnnxLanguageModel model = OnnxLanguageModel.open(directory, 1, "cpu", 64)) {
      double accuracy = MultipleChoiceJudging.accuracy(
          model, index -> corpus.verificationDocument(7, index), formats, count);
      // independently: each multiple-choice document (indices 0, 4, 8, ...) scored in a request of
      // its own
      int right = 0;
      for (int i = 0; i < count; i++) {
        VerificationDocument document = corpus.verificationDocument(7, 4L * i);
        ScoringResult result = model
            .score(List.of(new ScoringRequest(
                "one", document.prompt(), List.of(formats.correctWord(), formats.incorrectWord()))))
            .get(0);
        boolean saysCorrect = result.logProbs().get(0) > result.logProbs().get(1);
        right += saysCorrect == document.responseCorrect() ? 1 : 0;
      }
      assertThat(accuracy).isEqualTo(right / (double) count);
      // not one half, so a judging rule read the wrong way round (1 - accuracy) would fail above
      assertThat(accuracy).isNotEqualTo(0.5);
    }
  }

  @Test
  void aCorpusWhoseStylesDoNotCycleAsExpectedIsRefused() throws Exception {
    DecoderConfig config =
        DecoderConfig.gpt2Like(CharVocabulary.printableAscii().size(), 640, 1, 8, 2);
    ModelDirectory.writeRandom(directory, config, CharVocabulary.printableAscii(), 3);
    ArithmeticCorpus corpus = new ArithmeticCorpus(ZERO_SHOT);
    try (OnnxLanguageModel model = OnnxLanguageModel.open(directory, 1, "cpu", 64)) {
      // index + 1: documents 1, 5, 9, ... are CoT-Binary ones
      assertThatThrownBy(() -> MultipleChoiceJudging.accuracy(
              model,
              index -> corpus.verificationDocument(7, index + 1),
              new ArithmeticTask(ZERO_SHOT).verification(),
              3))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected MULTIPLE_CHOICE");
    }
  }
}
