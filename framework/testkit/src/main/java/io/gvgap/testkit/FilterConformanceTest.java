package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.task.Answer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract every filter strategy must keep, as a JUnit 5 test class to extend.
 *
 * <pre>{@code
 * class AboveHalfConformanceTest extends FilterConformanceTest {
 *   protected FilterProvider<?> provider() { return new AboveHalf(); }
 *   protected Record options() { return new NoOptions(); }
 * }
 * }</pre>
 *
 * <p>It checks: the provider is registered in
 * {@code META-INF/services/io.gvgap.api.filter.FilterProvider} under its name; the name and options
 * are fit for specs; every call returns exactly one finite, non-negative weight per score, for one
 * sample or many, with ties, at the bounds 0 and 1; an unscored sample (NaN) gets weight 0, even when
 * no sample has a score; the weights are the same for the same scores, answers and seed (on a new
 * strategy too); the scores array is left as it was; samples with distinct scores get the same
 * weights in any order; and, unless {@link #weightsFollowScores} says otherwise, a sample never gets
 * a lower weight than a sample it outscores.
 */
public abstract class FilterConformanceTest {

  /** The provider under test. */
  protected abstract FilterProvider<?> provider();

  /** Options to create the filter with; must be an instance of the provider's options type. */
  protected abstract Record options();

  /**
   * Whether a higher score never gets a lower weight (true for score-based reweighting); a filter
   * that weighs samples by something else, such as their answers, returns false.
   */
  protected boolean weightsFollowScores() {
    return true;
  }

  /** Creates the filter from {@link #provider()} and {@link #options()}. */
  protected final FilterStrategy filter() {
    FilterProvider<?> provider = ProviderChecks.present(provider(), "filter");
    Record options = options();
    assertThat(options).as("options()").isInstanceOf(provider.optionsType());
    @SuppressWarnings("unchecked")
    FilterProvider<Record> typed = (FilterProvider<Record>) provider;
    FilterStrategy filter = typed.create(options);
    assertThat(filter).as("%s.create(options) returned null", provider.name()).isNotNull();
    return filter;
  }

  /** Score vectors of the shapes a run produces: one sample, many, ties, bounds, unscored samples. */
  static List<double[]> scoreCases() {
    List<double[]> cases = new ArrayList<>();
    cases.add(new double[] {0.7});
    cases.add(new double[] {0.2, 0.9});
    cases.add(new double[] {0.5, 0.5, 0.5, 0.5});
    cases.add(new double[] {0, 1, 0, 1, 1});
    cases.add(new double[] {0.1, 0.4, 0.4, 0.8, 0.8, 0.8, 0.3, 0.9});
    cases.add(new double[] {Double.NaN, 0.6, 0.2, Double.NaN, 0.9});
    cases.add(new double[] {Double.NaN, Double.NaN, Double.NaN});
    SplittableRandom random = new SplittableRandom(42);
    for (int n : new int[] {16, 64}) {
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextDouble();
      }
      cases.add(scores);
    }
    return cases;
  }

  /** A context whose answers have a clear majority ("a"), so that answer-based filters have work to do. */
  static FilterContext context(int n, long seed) {
    List<Answer> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      answers.add(
          i % 3 == 2 ? Answer.none() : Answer.of(i % 2 == 0 ? "a" : "b" + (i % 5 == 1 ? "" : i)));
    }
    return new FilterContext("example-1", answers, seed);
  }

  private static double[] weigh(FilterStrategy filter, double[] scores, FilterContext context) {
    double[] weights = filter.weights(scores.clone(), context);
    assertThat(weights).as("weights for scores %s", Arrays.toString(scores)).isNotNull();
    return weights;
  }

  @Test
  void registeredForDiscoveryUnderItsName() {
    ProviderChecks.assertRegistered(
        FilterProvider.class, ProviderChecks.present(provider(), "filter"));
  }

  @Test
  void nameAndOptionsAreFitForSpecs() {
    ProviderChecks.assertNamedForSpecs(ProviderChecks.present(provider(), "filter"));
    ProviderChecks.assertOptionsDocumented(provider());
  }

  @Test
  void oneFiniteNonNegativeWeightPerScore() {
    FilterStrategy filter = filter();
    for (double[] scores : scoreCases()) {
      double[] weights = weigh(filter, scores, context(scores.length, 3));
      assertThat(weights)
          .as("one weight per score for %s", Arrays.toString(scores))
          .hasSize(scores.length);
      for (int i = 0; i < weights.length; i++) {
        assertThat(Double.isFinite(weights[i]) && weights[i] >= 0)
            .as(
                "weight %d = %s for scores %s is finite and >= 0",
                i, weights[i], Arrays.toString(scores))
            .isTrue();
      }
    }
  }

  @Test
  void unscoredSamplesGetWeightZero() {
    FilterStrategy filter = filter();
    for (double[] scores : scoreCases()) {
      double[] weights = weigh(filter, scores, context(scores.length, 3));
      for (int i = 0; i < scores.length; i++) {
        if (Double.isNaN(scores[i])) {
          assertThat(weights[i])
              .as("weight of unscored sample %d in %s", i, Arrays.toString(scores))
              .isZero();
        }
      }
    }
  }

  @Test
  void weightsAreDeterministicForTheSameScoresAnswersAndSeed() {
    for (double[] scores : scoreCases()) {
      double[] first = weigh(filter(), scores, context(scores.length, 11));
      double[] again = weigh(filter(), scores, context(scores.length, 11));
      assertThat(again)
          .as("weights for %s on a second strategy instance", Arrays.toString(scores))
          .containsExactly(first);
      FilterStrategy one = filter();
      assertThat(weigh(one, scores, context(scores.length, 11)))
          .as("the same call twice")
          .containsExactly(weigh(one, scores, context(scores.length, 11)));
    }
  }

  @Test
  void theScoresAreLeftAsTheyWere() {
    FilterStrategy filter = filter();
    for (double[] scores : scoreCases()) {
      double[] given = scores.clone();
      filter.weights(given, context(scores.length, 5));
      assertThat(given).as("scores after weights()").containsExactly(scores);
    }
  }

  @Test
  void distinctScoresGetTheSameWeightsInAnyOrder() {
    FilterStrategy filter = filter();
    SplittableRandom random = new SplittableRandom(9);
    for (int n : new int[] {2, 5, 12}) {
      double[] scores = new double[n];
      for (int i = 0; i < n; i++) {
        scores[i] = (i + 1.0) / (n + 1.0);
      }
      FilterContext context = context(n, 13);
      double[] weights = weigh(filter, scores, context);
      int[] order = permutation(n, random);
      double[] permutedScores = new double[n];
      List<Answer> permutedAnswers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        permutedScores[i] = scores[order[i]];
        permutedAnswers.add(context.answers().get(order[i]));
      }
      double[] permutedWeights =
          weigh(filter, permutedScores, new FilterContext("example-1", permutedAnswers, 13));
      for (int i = 0; i < n; i++) {
        assertThat(permutedWeights[i])
            .as("weight of score %s moved from position %d to %d", scores[order[i]], order[i], i)
            .isCloseTo(weights[order[i]], offset(1e-12));
      }
    }
  }

  @Test
  void aSampleNeverWeighsLessThanOneItOutscores() {
    if (!weightsFollowScores()) {
      return; // the filter declares that its weights follow something other than the scores
    }
    FilterStrategy filter = filter();
    for (double[] scores : scoreCases()) {
      double[] weights = weigh(filter, scores, context(scores.length, 17));
      for (int i = 0; i < scores.length; i++) {
        for (int j = 0; j < scores.length; j++) {
          if (scores[i] > scores[j]) {
            assertThat(weights[i])
                .as(
                    "weight of score %s (sample %d) against score %s (sample %d) in %s",
                    scores[i], i, scores[j], j, Arrays.toString(scores))
                .isGreaterThanOrEqualTo(weights[j]);
          }
        }
      }
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    if (n > 1 && Arrays.equals(order, IntStream.range(0, n).toArray())) {
      int t = order[0];
      order[0] = order[1];
      order[1] = t;
    }
    return order;
  }
}
