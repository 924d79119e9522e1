package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.ParseStatus;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import io.gvgap.testing.ScriptedBackend;
import io.gvgap.testing.ToySumsTask;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The contract every verifier must keep, as a JUnit 5 test class to extend.
 *
 * <pre>{@code
 * class MyJudgeConformanceTest extends VerifierConformanceTest {
 *   protected VerifierProvider<?> provider() { return new MyJudge(); }
 *   protected Record options() { return new MyJudge.Options(0.7); }
 * }
 * }</pre>
 *
 * <p>By default the candidates are answers to gvgap's toy addition task ({@code toy-sums}), right,
 * wrong and missing, judged by its scripted model (deterministic for a seed; it scores "correct"
 * against "incorrect" and writes "Answer: N"). Override {@link #task}, {@link #completions} and
 * {@link #judge} to verify in another domain or with a model that writes the verdicts your verifier
 * parses.
 *
 * <p>It checks: the provider is registered in
 * {@code META-INF/services/io.gvgap.api.verify.VerifierProvider} under its name; the name and
 * options are fit for specs; {@code verify} returns, never null, exactly one score per candidate,
 * keyed by the candidates' own sample indices (not by position: they are given out of order and with
 * gaps), each in [0, 1] or a parse failure (NaN), and not all of them failures (see
 * {@link #expectsParsedScores}); {@code verifyAll} answers every example with the
 * same scores as {@code verify}; and the scores are the same for the same request and seed, on a new
 * verifier and a new model.
 */
public abstract class VerifierConformanceTest {

  /** Sample indices the candidates carry, out of order and with gaps, as a resumed run may give them. */
  private static final int[] SAMPLE_INDICES = {3, 0, 7, 1, 12, 5};

  /** The provider under test. */
  protected abstract VerifierProvider<?> provider();

  /** Options to create the verifier with; must be an instance of the provider's options type. */
  protected abstract Record options();

  /** The task whose examples are verified; gvgap's toy addition task by default. */
  protected Task task() {
    return new ToySumsTask().create(new ToySumsTask.Options(50));
  }

  /** A new judging model; gvgap's deterministic scripted model by default. The kit closes it. */
  protected LanguageModel judge() {
    return new ScriptedBackend().create(new ScriptedBackend.Options(null, 0));
  }

  /**
   * The completions to verify for one example: by default its reference, two other examples'
   * references (wrong answers), an unsure text and an empty one, each as "Answer: N".
   */
  protected List<String> completions(Example example, List<Example> others) {
    List<String> texts = new ArrayList<>();
    texts.add(" Answer: " + example.reference());
    texts.add(" Answer: " + others.get(1).reference());
    texts.add(" I am not sure.");
    texts.add(" Answer: " + example.reference() + "\nso the answer is " + example.reference());
    texts.add("");
    texts.add(" Answer: " + others.get(2).reference());
    return texts;
  }

  /**
   * The scores earlier verifiers gave these candidates, by label (for combining verifiers such as an
   * ensemble); none by default.
   */
  protected Map<String, List<Score>> earlierScores(List<Candidate> candidates) {
    return Map.of();
  }

  /**
   * Whether some candidates must get a parsed score (not every one a parse failure) from
   * {@link #judge}: true by default, so that a verifier that can read nothing does not pass. Return
   * false only when the judge cannot write what the verifier reads (then override {@link #judge}
   * instead where you can).
   */
  protected boolean expectsParsedScores() {
    return true;
  }

  /** Creates the verifier from {@link #provider()} and {@link #options()}. */
  protected final Verifier verifier() {
    VerifierProvider<?> provider = ProviderChecks.present(provider(), "verifier");
    Record options = options();
    assertThat(options).as("options()").isInstanceOf(provider.optionsType());
    @SuppressWarnings("unchecked")
    VerifierProvider<Record> typed = (VerifierProvider<Record>) provider;
    Verifier verifier = typed.create(options);
    assertThat(verifier).as("%s.create(options) returned null", provider.name()).isNotNull();
    return verifier;
  }

  private List<VerificationRequest> requests(Task task, LanguageModel model, long seed) {
    List<Example> examples = task.examples(new ExampleRequest(4, 21));
    assertThat(examples).as("the task's examples for the kit").hasSizeGreaterThanOrEqualTo(3);
    List<VerificationRequest> requests = new ArrayList<>();
    for (Example example : examples) {
      List<String> texts = completions(example, examples);
      List<Candidate> candidates = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        int index = i < SAMPLE_INDICES.length ? SAMPLE_INDICES[i] : 100 + i;
        candidates.add(new Candidate(
            index, texts.get(i), task.extract(example, texts.get(i)), -1.5 * (i + 1), 4 + i));
      }
      requests.add(new VerificationRequest(
          task, example, candidates, model, seed, earlierScores(candidates)));
    }
    return requests;
  }

  private static void assertOneValidScorePerCandidate(
      VerificationRequest request, List<Score> scores, String call) {
    String example = request.example().id();
    assertThat(scores)
        .as("%s for example %s", call, example)
        .isNotNull()
        .hasSameSizeAs(request.candidates());
    Set<Integer> expected = request.candidates().stream()
        .map(Candidate::sampleIndex)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<Integer> got = new TreeSet<>();
    for (Score score : scores) {
      assertThat(score).as("a score of %s for example %s", call, example).isNotNull();
      got.add(score.sampleIndex());
      if (score.status() == ParseStatus.OK) {
        assertThat(score.value()).as("score of sample %d", score.sampleIndex()).isBetween(0.0, 1.0);
      } else {
        assertThat(score.value())
            .as("a failed parse of sample %d has no value", score.sampleIndex())
            .isNaN();
      }
      assertThat(score.rawOutput()).isNotNull();
    }
    assertThat(got)
        .as(
            "sample indices scored by %s for example %s (the candidates' own indices)",
            call, example)
        .isEqualTo(expected);
  }

  /** The scores by sample index, as comparable text (NaN equals NaN). */
  private static Map<Integer, String> bySample(List<Score> scores) {
    Map<Integer, String> out = new LinkedHashMap<>();
    scores.stream()
        .sorted(Comparator.comparingInt(Score::sampleIndex))
        .forEach(s -> out.put(s.sampleIndex(), s.status() + " " + s.value()));
    return out;
  }

  @Test
  void registeredForDiscoveryUnderItsName() {
    ProviderChecks.assertRegistered(
        VerifierProvider.class, ProviderChecks.present(provider(), "verifier"));
  }

  @Test
  void nameAndOptionsAreFitForSpecs() {
    ProviderChecks.assertNamedForSpecs(ProviderChecks.present(provider(), "verifier"));
    ProviderChecks.assertOptionsDocumented(provider());
  }

  @Test
  void oneScoreInTheUnitIntervalPerCandidateKeyedBySampleIndex() {
    Verifier verifier = verifier();
    try (LanguageModel model = judge()) {
      for (VerificationRequest request : requests(task(), model, 7)) {
        assertOneValidScorePerCandidate(request, verifier.verify(request), "verify");
      }
    }
  }

  @Test
  void someCandidatesGetAParsedScore() {
    if (!expectsParsedScores()) {
      return; // the subclass declares that its judge cannot write what the verifier reads
    }
    Verifier verifier = verifier();
    long parsed = 0;
    try (LanguageModel model = judge()) {
      for (VerificationRequest request : requests(task(), model, 7)) {
        parsed += verifier.verify(request).stream().filter(Score::ok).count();
      }
    }
    assertThat(parsed)
        .as(
            "parsed scores over all candidates: a verifier that parses nothing the judge writes scores"
                + " nothing (override judge() with a model that writes your verdicts)")
        .isPositive();
  }

  @Test
  void verifyAllScoresEveryExampleAsVerifyDoes() {
    Verifier verifier = verifier();
    try (LanguageModel model = judge()) {
      List<VerificationRequest> requests = requests(task(), model, 7);
      Map<String, List<Score>> all = verifier.verifyAll(requests);
      assertThat(all).as("verifyAll").isNotNull();
      assertThat(all.keySet())
          .as("example ids answered by verifyAll")
          .containsExactlyInAnyOrderElementsOf(
              requests.stream().map(r -> r.example().id()).toList());
      for (VerificationRequest request : requests) {
        List<Score> batched = all.get(request.example().id());
        assertOneValidScorePerCandidate(request, batched, "verifyAll");
        assertThat(bySample(batched))
            .as("verifyAll against verify for example %s", request.example().id())
            .isEqualTo(bySample(verifier().verify(request)));
      }
    }
  }

  @Test
  void scoresAreDeterministicForASeed() {
    Map<String, Map<Integer, String>> first = new LinkedHashMap<>();
    try (LanguageModel model = judge()) {
      Verifier verifier = verifier();
      for (VerificationRequest request : requests(task(), model, 31)) {
        first.put(request.example().id(), bySample(verifier.verify(request)));
      }
    }
    try (LanguageModel model = judge()) {
      Verifier verifier = verifier();
      for (VerificationRequest request : requests(task(), model, 31)) {
        assertThat(bySample(verifier.verify(request)))
            .as(
                "scores of example %s for seed 31, on a new verifier and model",
                request.example().id())
            .isEqualTo(first.get(request.example().id()));
      }
    }
  }
}
