package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import io.gvgap.testing.KeepAboveFilter;
import io.gvgap.testing.ScriptedBackend;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Each check of the filter, verifier and backend kits fails for a plugin that breaks its rule. */
class NewKitsCatchBrokenPluginsTest {

  /** A filter provider (unregistered, named "broken") whose strategy is the given one. */
  public static final class BrokenFilter implements FilterProvider<NoOptions> {
    private final FilterStrategy strategy;

    /** For ServiceLoader; never registered. */
    public BrokenFilter() {
      this((scores, context) -> new double[scores.length]);
    }

    BrokenFilter(FilterStrategy strategy) {
      this.strategy = strategy;
    }

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public Class<NoOptions> optionsType() {
      return NoOptions.class;
    }

    @Override
    public FilterStrategy create(NoOptions options) {
      return strategy;
    }
  }

  private static FilterConformanceTest filterKit(FilterProvider<?> provider, Record options) {
    return new FilterConformanceTest() {
      @Override
      protected FilterProvider<?> provider() {
        return provider;
      }

      @Override
      protected Record options() {
        return options;
      }
    };
  }

  private static FilterConformanceTest filterKit(FilterStrategy strategy) {
    return filterKit(new BrokenFilter(strategy), new NoOptions());
  }

  @Test
  void theFilterKitRejectsAMissingWeight() {
    FilterConformanceTest kit =
        filterKit((scores, context) -> new double[Math.max(0, scores.length - 1)]);
    assertThatThrownBy(kit::oneFiniteNonNegativeWeightPerScore).isInstanceOf(AssertionError.class);
  }

  @Test
  void theFilterKitRejectsKeepingAnUnscoredSample() {
    FilterConformanceTest kit = filterKit((scores, context) -> {
      double[] weights = new double[scores.length];
      Arrays.fill(weights, 1);
      return weights;
    });
    assertThatThrownBy(kit::unscoredSamplesGetWeightZero).isInstanceOf(AssertionError.class);
  }

  @Test
  void theFilterKitRejectsRandomWeightsAndPositionBias() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(filterKit((scores, context) -> {
          double[] weights = new double[scores.length];
          weights[calls.getAndIncrement() % scores.length] = Double.isNaN(scores[0]) ? 0 : 1;
          return weights;
        })::weightsAreDeterministicForTheSameScoresAnswersAndSeed)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(filterKit((scores, context) -> {
          double[] weights = new double[scores.length];
          weights[0] = Double.isNaN(scores[0]) ? 0 : 1; // keeps whatever comes first
          return weights;
        })::distinctScoresGetTheSameWeightsInAnyOrder)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theFilterKitRejectsWeightsThatFallAsScoresRise() {
    FilterConformanceTest kit = filterKit((scores, context) -> {
      double[] weights = new double[scores.length];
      for (int i = 0; i < scores.length; i++) {
        weights[i] = Double.isNaN(scores[i]) ? 0 : 1 - scores[i];
      }
      return weights;
    });
    assertThatThrownBy(kit::aSampleNeverWeighsLessThanOneItOutscores)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void everyKitRejectsAnUnregisteredProviderAndAMissingOne() {
    assertThatThrownBy(
            filterKit(new BrokenFilter(), new NoOptions())::registeredForDiscoveryUnderItsName)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(BrokenFilter.class.getName() + " is not registered")
        .hasMessageContaining("META-INF/services/io.gvgap.api.filter.FilterProvider lists only")
        .hasMessageContaining(KeepAboveFilter.class.getName());
    assertThatThrownBy(filterKit(null, new NoOptions())::registeredForDiscoveryUnderItsName)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("found no filter to test");
    TaskConformanceTest noTask = new TaskConformanceTest() {
      @Override
      protected TaskProvider<?> provider() {
        return null;
      }

      @Override
      protected Record options() {
        return new NoOptions();
      }
    };
    assertThatThrownBy(noTask::examplesAreDeterministicForASeed)
        .hasMessageContaining("found no task to test");
  }

  @Test
  void theVerifierKitRejectsAMissingScoreAndScoresByPosition() {
    VerifierConformanceTest dropsOne = verifierKit(request -> {
      List<Score> scores = new ArrayList<>();
      for (int i = 1; i < request.candidates().size(); i++) {
        scores.add(Score.of(request.candidates().get(i).sampleIndex(), 0.5, "", ""));
      }
      return scores;
    });
    assertThatThrownBy(dropsOne::oneScoreInTheUnitIntervalPerCandidateKeyedBySampleIndex)
        .isInstanceOf(AssertionError.class);
    VerifierConformanceTest byPosition = verifierKit(request -> {
      List<Score> scores = new ArrayList<>();
      for (int i = 0; i < request.candidates().size(); i++) {
        scores.add(Score.of(i, 0.5, "", ""));
      }
      return scores;
    });
    assertThatThrownBy(byPosition::oneScoreInTheUnitIntervalPerCandidateKeyedBySampleIndex)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the candidates' own indices");
  }

  @Test
  void theVerifierKitRejectsAVerifierThatParsesNothing() {
    VerifierConformanceTest kit = verifierKit(request -> request.candidates().stream()
        .map(c -> Score.failed(c.sampleIndex(), c.text(), "no verdict"))
        .toList());
    assertThatThrownBy(kit::someCandidatesGetAParsedScore)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("override judge()");
  }

  @Test
  void theVerifierKitRejectsScoresThatChangeBetweenCalls() {
    AtomicInteger calls = new AtomicInteger();
    VerifierConformanceTest kit = verifierKit(request -> request.candidates().stream()
        .map(c -> Score.of(c.sampleIndex(), (calls.getAndIncrement() % 7) / 7.0, "", ""))
        .toList());
    assertThatThrownBy(kit::scoresAreDeterministicForASeed).isInstanceOf(AssertionError.class);
  }

  private static VerifierConformanceTest verifierKit(Verifier verifier) {
    VerifierProvider<NoOptions> provider = new VerifierProvider<>() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Class<NoOptions> optionsType() {
        return NoOptions.class;
      }

      @Override
      public Verifier create(NoOptions options) {
        return verifier;
      }
    };
    return new VerifierConformanceTest() {
      @Override
      protected VerifierProvider<?> provider() {
        return provider;
      }

      @Override
      protected Record options() {
        return new NoOptions();
      }
    };
  }

  @Test
  void theBackendKitRejectsSamplesThatDependOnTheBatch() {
    ModelBackendConformanceTest kit = backendKit(scripted -> new Wrapped(scripted) {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        // the seed moves with the batch size: what a backend sharing one random stream does
        return scripted.generate(
            requests,
            new SamplingParams(
                params.temperature(),
                params.topP(),
                params.topK(),
                params.maxNewTokens(),
                params.seed() + requests.size()));
      }
    });
    assertThatThrownBy(kit::samplesDoNotDependOnBatchingOrOrder).isInstanceOf(AssertionError.class);
  }

  @Test
  void theBackendKitRejectsScoresThatDisagreeWithGeneration() {
    ModelBackendConformanceTest kit = backendKit(scripted -> new Wrapped(scripted) {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        // every completion cut by the limit, with a log-probability that score() will not reproduce
        return scripted.generate(requests, params).stream()
            .map(g -> new Generation(
                g.id(),
                g.completions().stream()
                    .map(c ->
                        new Completion(c.sampleIndex(), c.text(), 1, -1.0, FinishReason.LENGTH))
                    .toList()))
            .toList();
      }

      @Override
      public List<ScoringResult> score(List<ScoringRequest> requests) {
        return requests.stream()
            .map(r -> new ScoringResult(
                r.id(),
                Collections.nCopies(r.continuations().size(), -5.0),
                Collections.nCopies(r.continuations().size(), 1)))
            .toList();
      }
    });
    assertThatThrownBy(kit::scoringAGeneratedSampleAgreesWithTheLogProbabilityGenerationReported)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("against the log-probability generate() reported");
  }

  /** A model that passes every call to gvgap-testing's scripted model; tests override what they break. */
  private static class Wrapped implements LanguageModel {
    final LanguageModel scripted;

    Wrapped(LanguageModel scripted) {
      this.scripted = scripted;
    }

    @Override
    public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
      return scripted.generate(requests, params);
    }

    @Override
    public List<ScoringResult> score(List<ScoringRequest> requests) {
      return scripted.score(requests);
    }

    @Override
    public ModelInfo info() {
      return scripted.info();
    }

    @Override
    public void close() {
      scripted.close();
    }
  }

  private static ModelBackendConformanceTest backendKit(UnaryOperator<LanguageModel> breaking) {
    ModelBackend<ScriptedBackend.Options> broken = new ModelBackend<>() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public Class<ScriptedBackend.Options> optionsType() {
        return ScriptedBackend.Options.class;
      }

      @Override
      public LanguageModel create(ScriptedBackend.Options options) {
        return breaking.apply(new ScriptedBackend().create(options));
      }
    };
    return new ModelBackendConformanceTest() {
      @Override
      protected ModelBackend<?> provider() {
        return broken;
      }

      @Override
      protected Record options() {
        return new ScriptedBackend.Options(null, 0);
      }

      @Override
      protected SamplingParams sampling() {
        return new SamplingParams(0.8, 0.95, 0, 32, 1234);
      }
    };
  }
}
