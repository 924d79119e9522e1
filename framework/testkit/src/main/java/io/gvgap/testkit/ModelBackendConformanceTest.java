package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract every model backend must keep, as a JUnit 5 test class to extend: above all the
 * determinism contract of {@link LanguageModel}, the hardest to keep and the one every resumed or
 * sharded run relies on.
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends ModelBackendConformanceTest {
 *   protected ModelBackend<?> provider() { return new MyBackend(); }
 *   protected Record options() { return new MyBackend.Options("models/tiny", 1); }
 *   protected Optional<Record> optionsWithThreads(int threads) {
 *     return Optional.of(new MyBackend.Options("models/tiny", threads));
 *   }
 * }
 * }</pre>
 *
 * <p>It checks: the provider is registered in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend} under its name; the name and options are
 * fit for specs; every request is answered once with exactly the sample indices it asked for, no
 * completion longer than the token limit; for one seed the same samples come back whether the
 * requests are sent together, one by one or in another order, whether a request's samples are asked
 * for at once or in two parts, from a second opening of the model, and (where the backend's options
 * say so, see {@link #optionsWithThreads} and {@link #optionsWithBatchRows}) with one thread or
 * several and one sequence per internal batch or many; scoring gives one
 * log-probability (at most 0) per continuation, the same alone or in a batch; and where generation
 * reports a completion's log-probability, scoring that completion after its prompt agrees with it
 * within {@link #logProbTolerance}. A backend that cannot score (its {@code score} throws
 * {@link UnsupportedOperationException}) skips the scoring checks.
 */
public abstract class ModelBackendConformanceTest {

  /** The provider under test. */
  protected abstract ModelBackend<?> provider();

  /** Options that open a small model; must be an instance of the provider's options type. */
  protected abstract Record options();

  /**
   * The same options with {@code threads} threads, for backends that take a thread count; empty
   * (the default) when the backend has no such option, which skips the thread check.
   */
  protected Optional<Record> optionsWithThreads(int threads) {
    return Optional.empty();
  }

  /**
   * The same options with at most {@code rows} sequences per internal batch, for backends whose
   * options set a batch size; empty (the default) skips that check.
   */
  protected Optional<Record> optionsWithBatchRows(int rows) {
    return Optional.empty();
  }

  /**
   * Why this backend cannot give sample {@code i} independently of where the asked range starts,
   * when it cannot; empty (the default) when it can, as the contract asks. A non-empty reason skips
   * that check, visibly, with the reason: keep it for limits of the protocol the backend speaks.
   */
  protected Optional<String> knownSampleRangeLimitation() {
    return Optional.empty();
  }

  /** Prompts the model can continue; short arithmetic by default. */
  protected List<String> prompts() {
    return List.of("12+7=", "3+45=", "60+8=", "9+9=");
  }

  /** Sampling parameters of the checks: temperature 0.8, top-p 0.95, 8 new tokens, seed 1234. */
  protected SamplingParams sampling() {
    return new SamplingParams(0.8, 0.95, 0, 8, 1234);
  }

  /** Largest accepted difference, in nats, between two log-probabilities of the same text. */
  protected double logProbTolerance() {
    return 1e-3;
  }

  /** Opens the model with {@code options}; the caller closes it. */
  protected final LanguageModel open(Record options) {
    ModelBackend<?> provider = ProviderChecks.present(provider(), "model backend");
    assertThat(options).as("options").isInstanceOf(provider.optionsType());
    @SuppressWarnings("unchecked")
    ModelBackend<Record> typed = (ModelBackend<Record>) provider;
    LanguageModel model = typed.create(options);
    assertThat(model).as("%s.create(options) returned null", provider.name()).isNotNull();
    return model;
  }

  private List<GenerationRequest> requests() {
    List<GenerationRequest> requests = new ArrayList<>();
    List<String> prompts = prompts();
    for (int i = 0; i < prompts.size(); i++) {
      requests.add(new GenerationRequest("kit-" + i, prompts.get(i), 0, 3, List.of()));
    }
    return requests;
  }

  /** Sample text (and log-probability) by "request id#sample index", checking every request is answered once. */
  private static Map<String, Completion> samples(
      List<GenerationRequest> requests, List<Generation> generations) {
    assertThat(generations).as("generations").isNotNull();
    assertThat(generations.stream().map(Generation::id).toList())
        .as("ids of the generations")
        .containsExactlyInAnyOrderElementsOf(
            requests.stream().map(GenerationRequest::id).toList());
    Map<String, Completion> out = new TreeMap<>();
    for (Generation generation : generations) {
      GenerationRequest request = requests.stream()
          .filter(r -> r.id().equals(generation.id()))
          .findFirst()
          .orElseThrow();
      List<Integer> indices = generation.completions().stream()
          .map(Completion::sampleIndex)
          .sorted()
          .toList();
      List<Integer> asked = new ArrayList<>();
      for (int i = request.firstSampleIndex();
          i < request.firstSampleIndex() + request.count();
          i++) {
        asked.add(i);
      }
      assertThat(indices).as("sample indices of request %s", request.id()).isEqualTo(asked);
      for (Completion completion : generation.completions()) {
        out.put(generation.id() + "#" + completion.sampleIndex(), completion);
      }
    }
    return out;
  }

  private Map<String, Completion> generate(LanguageModel model, List<GenerationRequest> requests) {
    return samples(requests, model.generate(requests, sampling()));
  }

  private static Map<String, String> texts(Map<String, Completion> samples) {
    Map<String, String> out = new TreeMap<>();
    samples.forEach((key, completion) -> out.put(key, completion.text()));
    return out;
  }

  private Map<String, String> oneByOne(LanguageModel model, List<GenerationRequest> requests) {
    Map<String, String> out = new TreeMap<>();
    for (GenerationRequest request : requests) {
      out.putAll(texts(generate(model, List.of(request))));
    }
    return out;
  }

  @Test
  void registeredForDiscoveryUnderItsName() {
    ProviderChecks.assertRegistered(
        ModelBackend.class, ProviderChecks.present(provider(), "model backend"));
  }

  @Test
  void nameAndOptionsAreFitForSpecs() {
    ProviderChecks.assertNamedForSpecs(ProviderChecks.present(provider(), "model backend"));
    ProviderChecks.assertOptionsDocumented(provider());
  }

  @Test
  void everyRequestIsAnsweredOnceWithTheSampleIndicesItAskedFor() {
    try (LanguageModel model = open(options())) {
      assertThat(model.info()).as("info()").isNotNull();
      List<GenerationRequest> requests = List.of(
          new GenerationRequest("from-0", prompts().get(0), 0, 2, List.of()),
          new GenerationRequest("from-5", prompts().get(1), 5, 3, List.of()));
      for (Completion completion : generate(model, requests).values()) {
        assertThat(completion.tokenCount())
            .as("tokens of %s", completion)
            .isBetween(0, sampling().maxNewTokens());
      }
    }
  }

  @Test
  void samplesDoNotDependOnBatchingOrOrder() {
    List<GenerationRequest> requests = requests();
    try (LanguageModel model = open(options())) {
      Map<String, String> together = texts(generate(model, requests));
      List<GenerationRequest> reversed = new ArrayList<>(requests);
      Collections.reverse(reversed);
      assertThat(oneByOne(model, requests))
          .as("the requests one by one against all in one call")
          .isEqualTo(together);
      assertThat(texts(generate(model, reversed)))
          .as("the requests in reverse order")
          .isEqualTo(together);
      assertThat(texts(generate(model, requests.subList(1, 3))))
          .as("two of the requests without the others")
          .isEqualTo(subset(together, requests.subList(1, 3)));
    }
  }

  @Test
  void samplesDoNotDependOnHowASamplesRangeIsSplit() {
    Assumptions.assumeTrue(
        knownSampleRangeLimitation().isEmpty(),
        () -> knownSampleRangeLimitation().orElse(""));
    String prompt = prompts().get(0);
    try (LanguageModel model = open(options())) {
      Map<String, String> whole =
          texts(generate(model, List.of(new GenerationRequest("split", prompt, 0, 4, List.of()))));
      Map<String, String> parts = new TreeMap<>(
          texts(generate(model, List.of(new GenerationRequest("split", prompt, 0, 2, List.of())))));
      parts.putAll(
          texts(generate(model, List.of(new GenerationRequest("split", prompt, 2, 2, List.of())))));
      assertThat(parts)
          .as("samples 0-1 then 2-3 against 0-3 at once (what a resumed run asks)")
          .isEqualTo(whole);
    }
  }

  @Test
  void samplesAreTheSameFromASecondOpeningOfTheModel() {
    Map<String, String> first;
    try (LanguageModel model = open(options())) {
      first = texts(generate(model, requests()));
    }
    try (LanguageModel model = open(options())) {
      assertThat(texts(generate(model, requests())))
          .as("samples after reopening the model")
          .isEqualTo(first);
    }
  }

  @Test
  void samplesDoNotDependOnTheThreadCount() {
    Optional<Record> one = optionsWithThreads(1);
    Assumptions.assumeTrue(
        one.isPresent(), "the backend takes no thread option (optionsWithThreads is empty)");
    Map<String, String> single;
    try (LanguageModel model = open(one.get())) {
      single = texts(generate(model, requests()));
    }
    try (LanguageModel model = open(optionsWithThreads(3).orElseThrow())) {
      assertThat(texts(generate(model, requests())))
          .as("samples with 3 threads against 1 thread")
          .isEqualTo(single);
    }
  }

  @Test
  void samplesDoNotDependOnTheBackendsBatchSize() {
    Optional<Record> one = optionsWithBatchRows(1);
    Assumptions.assumeTrue(
        one.isPresent(), "the backend has no batch-size option (optionsWithBatchRows is empty)");
    Map<String, String> single;
    try (LanguageModel model = open(one.get())) {
      single = texts(generate(model, requests()));
    }
    try (LanguageModel model = open(optionsWithBatchRows(64).orElseThrow())) {
      assertThat(texts(generate(model, requests())))
          .as("samples decoded 64 rows at a time against one row at a time")
          .isEqualTo(single);
    }
  }

  @Test
  void scoringGivesOneLogProbabilityPerContinuationAloneOrBatched() {
    List<ScoringRequest> requests = new ArrayList<>();
    for (int i = 0; i < prompts().size(); i++) {
      requests.add(
          new ScoringRequest("score-" + i, prompts().get(i), List.of("1", "19", " 42", "x")));
    }
    try (LanguageModel model = open(options())) {
      Map<String, List<Double>> batched = scores(model, requests);
      for (ScoringRequest request : requests) {
        List<Double> values = batched.get(request.id());
        assertThat(values)
            .as("log-probabilities of %s", request.id())
            .hasSize(request.continuations().size());
        for (double value : values) {
          assertThat(Double.isFinite(value) && value <= 1e-9)
              .as("log-probability %s is finite and <= 0", value)
              .isTrue();
        }
        List<Double> alone = scores(model, List.of(request)).get(request.id());
        for (int c = 0; c < values.size(); c++) {
          assertThat(alone.get(c))
              .as("%s continuation %d scored alone against in a batch", request.id(), c)
              .isCloseTo(values.get(c), within(logProbTolerance()));
        }
      }
    }
  }

  @Test
  void scoringAGeneratedSampleAgreesWithTheLogProbabilityGenerationReported() {
    List<GenerationRequest> requests = requests();
    try (LanguageModel model = open(options())) {
      Map<String, Completion> samples = generate(model, requests);
      List<ScoringRequest> scoring = new ArrayList<>();
      Map<String, Double> reported = new TreeMap<>();
      for (GenerationRequest request : requests) {
        for (int i = 0; i < request.count(); i++) {
          Completion completion = samples.get(request.id() + "#" + i);
          // only a completion cut by the token limit is exactly its tokens: EOS and stop tokens are
          // not in the text
          if (!Double.isNaN(completion.logProb())
              && completion.finishReason() == FinishReason.LENGTH
              && !completion.text().isEmpty()) {
            String id = request.id() + "#" + i;
            scoring.add(new ScoringRequest(id, request.prompt(), List.of(completion.text())));
            reported.put(id, completion.logProb());
          }
        }
      }
      Assumptions.assumeFalse(
          scoring.isEmpty(), "generation reported no log-probability of a whole completion");
      Map<String, List<Double>> scored = scores(model, scoring);
      for (Map.Entry<String, Double> entry : reported.entrySet()) {
        assertThat(scored.get(entry.getKey()).get(0))
            .as(
                "score() of sample %s against the log-probability generate() reported",
                entry.getKey())
            .isCloseTo(entry.getValue(), within(logProbTolerance()));
      }
    }
  }

  private static Map<String, List<Double>> scores(
      LanguageModel model, List<ScoringRequest> requests) {
    List<ScoringResult> results;
    try {
      results = model.score(requests);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("the backend cannot score: " + e.getMessage());
      throw e;
    }
    assertThat(results).as("score() results").isNotNull();
    assertThat(results.stream().map(ScoringResult::id).toList())
        .as("ids of the scoring results")
        .containsExactlyInAnyOrderElementsOf(
            requests.stream().map(ScoringRequest::id).toList());
    Map<String, List<Double>> out = new TreeMap<>();
    for (ScoringResult result : results) {
      out.put(result.id(), result.logProbs());
    }
    return out;
  }

  private static Map<String, String> subset(
      Map<String, String> all, List<GenerationRequest> requests) {
    Map<String, String> out = new TreeMap<>();
    for (GenerationRequest request : requests) {
      all.forEach((key, text) -> {
        if (key.startsWith(request.id() + "#")) {
          out.put(key, text);
        }
      });
    }
    return out;
  }
}
