package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraphTest;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.decoder.ReferenceDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on a small random gvgap decoder whose parameters were perturbed (so logits are far
 * from uniform and greedy choices are clear), checked against {@link ReferenceDecoder}.
 */
class OnnxLanguageModelTest {
  static final DecoderConfig CONFIG = new DecoderConfig(98, 48, 2, 32, 4, 64, true, 1e-5f);
  static final CharVocabulary VOCABULARY = CharVocabulary.printableAscii();

  @TempDir
  static Path dir;

  static Map<String, float[]> parameters;
  static ReferenceDecoder reference;
  static OnnxLanguageModel model;

  @BeforeAll
  static void writeModel() throws Exception {
    parameters = DecoderGraphTest.perturbedParameters(CONFIG, 21);
    reference = new ReferenceDecoder(CONFIG, parameters);
    ModelDirectory.write(dir.resolve("tiny"), CONFIG, VOCABULARY, parameters, ModelCard.EMPTY);
    // no end-of-sequence id, so that every sample runs to its token limit unless a test says
    // otherwise
    Files.writeString(dir.resolve("tiny/generation_config.json"), "{\"eos_token_id\": []}");
    model = OnnxLanguageModel.open(dir.resolve("tiny"), 1, "cpu", 64);
  }

  @AfterAll
  static void closeModel() {
    model.close();
  }

  static List<GenerationRequest> prompts(int samples) {
    List<GenerationRequest> requests = new ArrayList<>();
    String[] texts = {
      "Q: 1+1=",
      "hello",
      "The answer is",
      "x",
      "12 * 7 = 84\n3 * 4 =",
      "abc abc abc",
      "Natalia sold clips",
      "?",
      "Let's think step by step.",
      "[1, 2, 3]",
      "zzz",
      "A: "
    };
    for (int i = 0; i < texts.length; i++) {
      requests.add(new GenerationRequest("p" + i, texts[i], 0, samples, List.of()));
    }
    return requests;
  }

  static Map<String, SampleResult> byKey(List<SampleResult> samples) {
    return samples.stream()
        .collect(Collectors.toMap(s -> s.requestId() + "#" + s.sampleIndex(), Function.identity()));
  }

  static int[] tokens(String text) {
    return text.chars().map(c -> VOCABULARY.id((char) c)).toArray();
  }

  @Test
  void greedyOutputsAreIdenticalForBatchSizes1And8And64() {
    SamplingParams greedy = SamplingParams.greedy(12);
    List<List<String>> runs = new ArrayList<>();
    for (int rows : new int[] {1, 8, 64}) {
      try (OnnxLanguageModel opened = OnnxLanguageModel.open(dir.resolve("tiny"), 1, "cpu", rows)) {
        Map<String, SampleResult> samples = byKey(opened.generateSamples(prompts(2), greedy));
        assertThat(samples).hasSize(24);
        runs.add(samples.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + java.util.Arrays.toString(e.getValue().tokenIds()))
            .toList());
      }
    }
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
    assertThat(runs.get(2)).isEqualTo(runs.get(0));
  }

  @Test
  void greedyTokensAndLogProbsMatchTheReferenceRecomputedFromScratch() {
    for (SampleResult sample :
        model.generateSamples(prompts(1).subList(0, 5), SamplingParams.greedy(10))) {
      String prompt = prompts(1).stream()
          .filter(r -> r.id().equals(sample.requestId()))
          .findFirst()
          .orElseThrow()
          .prompt();
      List<Integer> sequence = new ArrayList<>();
      for (int t : tokens(prompt)) {
        sequence.add(t);
      }
      double logProb = 0;
      for (long token : sample.tokenIds()) {
        double[][] logits =
            reference.logits(sequence.stream().mapToInt(Integer::intValue).toArray());
        double[] last = logits[logits.length - 1];
        int best = 0;
        for (int v = 1; v < last.length; v++) {
          best = last[v] > last[best] ? v : best;
        }
        double[] sorted = last.clone();
        java.util.Arrays.sort(sorted);
        if (sorted[sorted.length - 1] - sorted[sorted.length - 2] > 1e-3) {
          // only a clear maximum is a test: float rounding may break a near-tie either way
          assertThat(token)
              .as("%s token %d", sample.requestId(), sequence.size())
              .isEqualTo(best);
        }
        logProb += logSoftmax(last, (int) token);
        sequence.add((int) token);
      }
      // 10 terms, each within ~1e-5 of the reference (see DecoderGraphTest's tolerance)
      assertThat(sample.logProb()).isCloseTo(logProb, within(1e-3));
      assertThat(sample.finishReason()).isEqualTo(FinishReason.LENGTH);
      assertThat(sample.tokenIds()).hasSize(10);
    }
  }

  @Test
  void aSamplesDrawsDependOnlyOnSeedIdAndIndex() {
    SamplingParams params = new SamplingParams(1.0, 0.9, 40, 15, 1234);
    Map<String, SampleResult> together = byKey(model.generateSamples(prompts(4), params));
    List<SampleResult> alone;
    try (OnnxLanguageModel small = OnnxLanguageModel.open(dir.resolve("tiny"), 1, "cpu", 3)) {
      alone = small.generateSamples(
          List.of(new GenerationRequest("p4", "12 * 7 = 84\n3 * 4 =", 2, 2, List.of())), params);
    }
    for (SampleResult sample : alone) {
      assertThat(sample.tokenIds())
          .as("sample %d", sample.sampleIndex())
          .containsExactly(together.get("p4#" + sample.sampleIndex()).tokenIds());
    }
    // the four samples of one prompt are different draws (98-way choices over 15 tokens)
    assertThat(List.of(0, 1, 2, 3).stream()
            .map(i -> together.get("p4#" + i).text())
            .distinct())
        .hasSize(4);
    SamplingParams otherSeed = new SamplingParams(1.0, 0.9, 40, 15, 99);
    assertThat(byKey(model.generateSamples(prompts(1), otherSeed)).get("p4#0").text())
        .isNotEqualTo(together.get("p4#0").text());
  }

  @Test
  void stopSequencesEndTheTextBeforeTheStop() {
    SampleResult free = model
        .generateSamples(prompts(1).subList(2, 3), SamplingParams.greedy(20))
        .get(0);
    String stop = free.text().substring(5, 7);
    int cut = free.text().indexOf(stop);
    SampleResult stopped = model
        .generateSamples(
            List.of(new GenerationRequest(
                "p2", prompts(1).get(2).prompt(), 0, 1, List.of("never-there", stop))),
            SamplingParams.greedy(20))
        .get(0);
    assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(stopped.text()).isEqualTo(free.text().substring(0, cut));
    // generation ran exactly until the stop appeared in the decoded tokens
    long[] ids = stopped.tokenIds();
    assertThat(model.tokenizer().decode(ids)).contains(stop);
    assertThat(model.tokenizer().decode(java.util.Arrays.copyOf(ids, ids.length - 1)))
        .doesNotContain(stop);
  }

  @Test
  void endOfSequenceIdsComeFromGenerationConfig() throws Exception {
    SampleResult free = model
        .generateSamples(prompts(1).subList(1, 2), SamplingParams.greedy(8))
        .get(0);
    long eos = free.tokenIds()[3];
    int firstEos = 0;
    while (free.tokenIds()[firstEos] != eos) {
      firstEos++;
    }
    Path copy = dir.resolve("eos");
    ModelDirectory.write(copy, CONFIG, VOCABULARY, parameters, ModelCard.EMPTY);
    Files.writeString(copy.resolve("generation_config.json"), "{\"eos_token_id\": [" + eos + "]}");
    try (OnnxLanguageModel withEos = OnnxLanguageModel.open(copy, 1, "cpu", 8)) {
      SampleResult ended = withEos
          .generateSamples(prompts(1).subList(1, 2), SamplingParams.greedy(8))
          .get(0);
      assertThat(ended.finishReason()).isEqualTo(FinishReason.EOS);
      assertThat(ended.tokenIds())
          .containsExactly(java.util.Arrays.copyOf(free.tokenIds(), firstEos + 1));
      assertThat(ended.text()).isEqualTo(free.text().substring(0, firstEos));
    }
  }

  @Test
  void contextLengthEndsGenerationAndLongPromptsAreRejected() {
    String prompt = "a".repeat(CONFIG.contextLength() - 2);
    SampleResult sample = model
        .generateSamples(
            List.of(new GenerationRequest("long", prompt, 0, 1, List.of())),
            SamplingParams.greedy(10))
        .get(0);
    // 46 prompt tokens: tokens 1 and 2 are read back at positions 46 and 47 (the last of 48); token
    // 3 cannot be
    assertThat(sample.finishReason()).isEqualTo(FinishReason.CONTEXT);
    assertThat(sample.tokenIds()).hasSize(3);
    assertThatThrownBy(() -> model.generateSamples(
            List.of(new GenerationRequest("too-long", "b".repeat(49), 0, 1, List.of())),
            SamplingParams.greedy(1)))
        .hasMessageContaining("'too-long'")
        .hasMessageContaining("49 tokens")
        .hasMessageContaining("48");
  }

  @Test
  void aMaxTokensFarBeyondTheContextStopsAtTheContextInsteadOfOverflowing() {
    // max_tokens 1e9 once sized the KV cache by itself: "integer overflow" before any token
    SampleResult sample = model
        .generateSamples(
            List.of(new GenerationRequest("huge", "ab", 0, 2, List.of())),
            SamplingParams.greedy(1_000_000_000))
        .get(0);
    assertThat(sample.finishReason()).isIn(FinishReason.CONTEXT, FinishReason.EOS);
    assertThat(sample.tokenIds().length).isLessThanOrEqualTo(CONFIG.contextLength());
  }

  @Test
  void scoresAreTheReferenceLogProbabilitiesAndMatchGeneration() {
    List<ScoringRequest> requests = List.of(
        new ScoringRequest("a", "Q: 2+2=", List.of("4", "5", " four")),
        new ScoringRequest("b", "The verdict is", List.of(" Correct", " Incorrect")));
    List<ScoringResult> results = model.score(requests);
    for (int r = 0; r < requests.size(); r++) {
      ScoringRequest request = requests.get(r);
      assertThat(results.get(r).id()).isEqualTo(request.id());
      for (int c = 0; c < request.continuations().size(); c++) {
        int[] context = tokens(request.context());
        int[] all = tokens(request.context() + request.continuations().get(c));
        double[][] logits = reference.logits(all);
        double expected = 0;
        for (int t = context.length; t < all.length; t++) {
          expected += logSoftmax(logits[t - 1], all[t]);
        }
        assertThat(results.get(r).logProbs().get(c)).isCloseTo(expected, within(1e-3));
        assertThat(results.get(r).tokenCounts().get(c))
            .isEqualTo(request.continuations().get(c).length());
      }
    }
    try (OnnxLanguageModel oneRow = OnnxLanguageModel.open(dir.resolve("tiny"), 1, "cpu", 1)) {
      List<ScoringResult> single = oneRow.score(requests);
      for (int r = 0; r < requests.size(); r++) {
        for (int c = 0; c < requests.get(r).continuations().size(); c++) {
          assertThat(single.get(r).logProbs().get(c))
              .isCloseTo(results.get(r).logProbs().get(c), within(1e-4));
        }
      }
    }
    SampleResult generated = model
        .generateSamples(prompts(1).subList(6, 7), SamplingParams.greedy(6))
        .get(0);
    double scored = model
        .score(
            List.of(new ScoringRequest("g", prompts(1).get(6).prompt(), List.of(generated.text()))))
        .get(0)
        .logProbs()
        .get(0);
    assertThat(scored).isCloseTo(generated.logProb(), within(1e-4));
  }

  @Test
  void theApiGenerateGroupsCompletionsByRequestInSampleOrder() {
    var generations = model.generate(
        List.of(
            new GenerationRequest("r", "hi", 3, 2, List.of()),
            new GenerationRequest("s", "ho", 0, 1, List.of())),
        new SamplingParams(0.7, 0.9, 0, 5, 1));
    assertThat(generations).extracting(g -> g.id()).containsExactly("r", "s");
    assertThat(generations.get(0).completions())
        .extracting(c -> c.sampleIndex())
        .containsExactly(3, 4);
    assertThat(generations.get(0).completions().get(0).tokenCount()).isEqualTo(5);
    assertThat(model.info().contextLength()).isEqualTo(48);
    assertThat(model.info().properties())
        .containsEntry("layers", "2")
        .containsEntry("headDim", "8");
  }

  @Test
  void duplicateRequestIdsAreRejected() {
    assertThatThrownBy(() -> model.generateSamples(
            List.of(
                new GenerationRequest("x", "a", 0, 1, List.of()),
                new GenerationRequest("x", "b", 0, 1, List.of())),
            SamplingParams.greedy(1)))
        .hasMessageContaining("'x'");
  }

  static double logSoftmax(double[] logits, int token) {
    double max = java.util.Arrays.stream(logits).max().orElseThrow();
    double sum = 0;
    for (double v : logits) {
      sum += Math.exp(v - max);
    }
    return logits[token] - max - Math.log(sum);
  }

  static Comparator<SampleResult> order() {
    return Comparator.comparing(SampleResult::requestId)
        .thenComparingInt(SampleResult::sampleIndex);
  }
}
