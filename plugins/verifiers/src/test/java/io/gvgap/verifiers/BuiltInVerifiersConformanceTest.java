package io.gvgap.verifiers;

import io.gvgap.api.NoOptions;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerifierProvider;
import io.gvgap.testkit.VerifierConformanceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * Every built-in verifier passes gvgap's verifier conformance kit, registration included: on the
 * kit's toy addition task, judged by gvgap-testing's scripted model, or (for the verifiers that read
 * a generated verdict) by a judge that writes verdicts.
 */
class BuiltInVerifiersConformanceTest {

  @Nested
  class Oracle extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new OracleVerifier();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }
  }

  @Nested
  class MajorityVote extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new MajorityVoteVerifier();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }
  }

  @Nested
  class LogProb extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new LogProbVerifier();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }
  }

  @Nested
  class MultipleChoice extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new MultipleChoiceVerifier();
    }

    @Override
    protected Record options() {
      return new NoOptions();
    }
  }

  @Nested
  class CotBinary extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new CotBinaryVerifier();
    }

    @Override
    protected Record options() {
      return new CotOptions(3, 0.7, 64);
    }

    @Override
    protected LanguageModel judge() {
      return new VerdictWritingJudge();
    }
  }

  @Nested
  class CotScore extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new CotScoreVerifier();
    }

    @Override
    protected Record options() {
      return new CotOptions(2, 0.7, 64);
    }

    @Override
    protected LanguageModel judge() {
      return new VerdictWritingJudge();
    }
  }

  @Nested
  class Tournament extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new TournamentVerifier();
    }

    @Override
    protected Record options() {
      return new TournamentVerifier.Options(0, true, 0.7, 64);
    }

    @Override
    protected LanguageModel judge() {
      return new VerdictWritingJudge();
    }
  }

  @Nested
  class GreedyAgreement extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new GreedyAgreementVerifier();
    }

    @Override
    protected Record options() {
      return new GreedyAgreementVerifier.Options(64);
    }
  }

  @Nested
  class Ensemble extends VerifierConformanceTest {
    @Override
    protected VerifierProvider<?> provider() {
      return new EnsembleVerifier();
    }

    @Override
    protected Record options() {
      return new EnsembleVerifier.Options(
          List.of("first", "second"), EnsembleVerifier.Mode.AND, 0.5, List.of());
    }

    /** Two earlier verifiers: one scores by sample index, the other fails to parse every third sample. */
    @Override
    protected Map<String, List<Score>> earlierScores(List<Candidate> candidates) {
      List<Score> first = candidates.stream()
          .map(c -> Score.of(c.sampleIndex(), (c.sampleIndex() % 4) / 3.0, "", ""))
          .toList();
      List<Score> second = candidates.stream()
          .map(c -> c.sampleIndex() % 3 == 0
              ? Score.failed(c.sampleIndex(), "", "no verdict")
              : Score.of(c.sampleIndex(), 0.9, "", ""))
          .toList();
      return Map.of("first", first, "second", second);
    }
  }
}
