package io.gvgap.verifiers;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the brackets of many examples side by side. A round depends on the previous one, so the
 * judgements cannot all go in one call; instead every example's matches of round r go to the model
 * in one {@code generate} call (per distinct seed), so a batch costs as many calls as its longest
 * bracket has rounds, not one per match.
 */
final class Tournament implements Verifier {

  private final String name;
  private final TournamentVerifier.Options options;

  Tournament(String name, TournamentVerifier.Options options) {
    this.name = name;
    this.options = options;
  }

  @Override
  public List<Score> verify(VerificationRequest request) {
    return verifyAll(List.of(request)).get(request.example().id());
  }

  @Override
  public Map<String, List<Score>> verifyAll(List<VerificationRequest> requests) {
    ModelCalls.requireDistinctExamples(name, requests);
    Map<VerificationRequest, Bracket> brackets = new LinkedHashMap<>();
    for (VerificationRequest request : requests) {
      brackets.put(request, new Bracket(request, options.rounds(), options.both_orders()));
    }
    SamplingParams params =
        new SamplingParams(options.temperature(), 1.0, 0, options.max_tokens(), 0);
    while (true) {
      Map<LanguageModel, List<GenerationRequest>> byModel = new IdentityHashMap<>();
      Map<GenerationRequest, Long> seeds = new IdentityHashMap<>();
      List<Bracket> playing = new ArrayList<>();
      for (Map.Entry<VerificationRequest, Bracket> entry : brackets.entrySet()) {
        Bracket bracket = entry.getValue();
        if (bracket.finished()) {
          continue;
        }
        VerificationRequest request = entry.getKey();
        List<GenerationRequest> calls =
            byModel.computeIfAbsent(ModelCalls.modelOf(name, request), m -> new ArrayList<>());
        for (Judgement judgement : bracket.startRound()) {
          GenerationRequest g =
              new GenerationRequest(judgement.id(), judgement.prompt(), 0, 1, List.of());
          calls.add(g);
          seeds.put(g, request.seed());
        }
        playing.add(bracket);
      }
      if (playing.isEmpty()) {
        break;
      }
      Map<String, String> outputs = new LinkedHashMap<>();
      for (Map.Entry<LanguageModel, List<GenerationRequest>> group : byModel.entrySet()) {
        ModelCalls.generate(
                name, group.getKey(), ModelCalls.groupBySeed(group.getValue(), seeds::get), params)
            .forEach((id, texts) -> outputs.put(id, texts.get(0)));
      }
      playing.forEach(bracket -> bracket.finishRound(outputs));
    }
    Map<String, List<Score>> scores = new LinkedHashMap<>();
    brackets.forEach(
        (request, bracket) -> scores.put(request.example().id(), List.copyOf(bracket.scores())));
    return scores;
  }
}
