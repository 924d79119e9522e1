package io.gvgap.testing;

import io.gvgap.api.NoOptions;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-scope verifier: asks the judging model for P(Correct) vs P(Incorrect) of each sample, like
 * multiple-choice verification, in one batched call; a sample without an extracted answer fails to
 * parse (so that parse failures flow through the pipeline).
 */
public final class ScriptedJudge implements VerifierProvider<NoOptions> {

  @Override
  public String name() {
    return "scripted-judge";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Verifier create(NoOptions options) {
    return new Verifier() {
      @Override
      public List<Score> verify(VerificationRequest request) {
        return verifyAll(List.of(request)).get(request.example().id());
      }

      @Override
      public Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
        List<ScoringRequest> scoring = new ArrayList<>();
        for (VerificationRequest r : requests) {
          for (Candidate c : r.candidates()) {
            if (c.answer().found()) {
              var f = r.task().verification();
              scoring.add(new ScoringRequest(
                  r.example().id() + "#" + c.sampleIndex(),
                  f.multipleChoice(r.example(), c.text()),
                  List.of(f.correctWord(), f.incorrectWord())));
            }
          }
        }
        Map<String, ScoringResult> byId = new HashMap<>();
        if (!scoring.isEmpty()) {
          for (ScoringResult s : requests.get(0).model().score(scoring)) {
            byId.put(s.id(), s);
          }
        }
        Map<String, List<Score>> out = new HashMap<>();
        for (VerificationRequest r : requests) {
          List<Score> scores = new ArrayList<>();
          for (Candidate c : r.candidates()) {
            ScoringResult s = byId.get(r.example().id() + "#" + c.sampleIndex());
            if (s == null) {
              scores.add(Score.failed(c.sampleIndex(), c.text(), "no answer to judge"));
            } else {
              double pc = Math.exp(s.logProbs().get(0));
              double pi = Math.exp(s.logProbs().get(1));
              scores.add(Score.of(
                  c.sampleIndex(),
                  pc / (pc + pi),
                  "P(Correct)=" + pc,
                  pc > pi ? "correct" : "incorrect"));
            }
          }
          out.put(r.example().id(), scores);
        }
        return out;
      }
    };
  }
}
