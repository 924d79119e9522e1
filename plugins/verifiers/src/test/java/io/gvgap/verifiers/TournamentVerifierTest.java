package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.task.Example;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TournamentVerifierTest {

  private static final Pattern MATCH_LINE =
      Pattern.compile("round (\\d+): sample (\\d+) vs sample (\\d+) -> sample (\\d+) won");

  private static Verifier tournament(int rounds, boolean bothOrders) {
    return new TournamentVerifier()
        .create(new TournamentVerifier.Options(rounds, bothOrders, 0.7, 256));
  }

  /** Samples "response number 0" .. "response number n-1"; sample i has sample index i. */
  private static VerificationRequest samples(
      String exampleId, int n, ScriptedModel judge, long seed) {
    String[] texts = new String[n];
    for (int i = 0; i < n; i++) {
      texts[i] = "response number " + i;
    }
    Example example = SumTask.example(exampleId, 1, 1);
    return SumTask.request(example, judge, seed, texts);
  }

  private static int shown(String prompt, String slot) {
    Matcher matcher =
        Pattern.compile("Answer " + slot + ": response number (\\d+)").matcher(prompt);
    assertThat(matcher.find()).as("prompt shows answer " + slot).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  /** The scripted judge's order: the favourite beats everyone, otherwise the lower number wins. */
  private static boolean better(int x, int y, int favourite) {
    return x == favourite || (y != favourite && x < y);
  }

  /** A consistent judge that always prefers {@code favourite}, then the lower-numbered sample. */
  private static ScriptedModel judgePreferring(int favourite) {
    return ScriptedModel.writing((request, k) -> {
      int a = shown(request.prompt(), "A");
      int b = shown(request.prompt(), "B");
      return "Comparing the two answers.\nBetter: " + (better(a, b, favourite) ? "A" : "B");
    });
  }

  private static double[] values(List<Score> scores) {
    return scores.stream().mapToDouble(Score::value).toArray();
  }

  @Test
  void eightSamplesTheFavouriteWinsAndEveryLossIsToABetterSample() {
    ScriptedModel judge = judgePreferring(5);
    List<Score> scores = tournament(0, true).verify(samples("t", 8, judge, 42));

    // 3 rounds. Survivors after each: 4, 2, 1, so scores are 1 x 1, 1 x 2/3, 2 x 1/3 and 4 x 0.
    assertThat(scores.get(5).value()).isEqualTo(1.0);
    assertThat(values(scores))
        .containsExactlyInAnyOrder(1.0, 2 / 3.0, 1 / 3.0, 1 / 3.0, 0, 0, 0, 0);
    assertThat(judge.generateCalls).extracting(List::size).containsExactly(8, 4, 2);
    assertThat(scores)
        .allSatisfy(s -> assertThat(s.rawOutput()).contains("coin decisions: 0 (split: 0"));
    for (int i = 0; i < 8; i++) {
      if (i == 5) {
        continue;
      }
      List<int[]> losses = new ArrayList<>();
      Matcher matcher = MATCH_LINE.matcher(scores.get(i).rawOutput());
      while (matcher.find()) {
        int winner = Integer.parseInt(matcher.group(4));
        if (winner != i) {
          losses.add(new int[] {Integer.parseInt(matcher.group(1)), winner});
        }
      }
      assertThat(losses).as("sample %d loses exactly once", i).hasSize(1);
      int round = losses.get(0)[0];
      int winner = losses.get(0)[1];
      assertThat(better(winner, i, 5)).as("sample %d lost to %d", i, winner).isTrue();
      assertThat(scores.get(winner).value()).isGreaterThan(scores.get(i).value());
      assertThat(scores.get(i).value()).isCloseTo((round - 1) / 3.0, within(1e-15));
    }
  }

  @Test
  void fiveSamplesWithByes() {
    ScriptedModel judge = judgePreferring(2);
    List<Score> scores = tournament(0, true).verify(samples("t", 5, judge, 7));

    // 3 rounds with 5 -> 3 -> 2 -> 1 alive: byes in rounds 1 and 2; survivals total 3 + 2 + 1 = 6.
    assertThat(scores.get(2).value()).isEqualTo(1.0);
    assertThat(scores.stream().filter(s -> s.value() == 1.0)).hasSize(1);
    assertThat(scores.stream().mapToDouble(Score::value).sum()).isCloseTo(6 / 3.0, within(1e-12));
    long byes = scores.stream()
        .mapToLong(s -> s.rawOutput().split("bye \\(odd one out\\)", -1).length - 1)
        .sum();
    assertThat(byes).isEqualTo(2);
    assertThat(judge.generateCalls).extracting(List::size).containsExactly(4, 2, 2);
  }

  @Test
  void limitedRoundsScoreBySurvivalOfThoseRounds() {
    ScriptedModel judge = judgePreferring(5);
    List<Score> scores = tournament(1, true).verify(samples("t", 8, judge, 42));
    assertThat(values(scores)).containsExactlyInAnyOrder(1, 1, 1, 1, 0, 0, 0, 0);
    assertThat(scores.get(5).value()).isEqualTo(1.0);
    assertThat(judge.generateCalls).hasSize(1);
  }

  @Test
  void moreRoundsThanNeededStopWhenOneRemains() {
    List<Score> scores = tournament(10, true).verify(samples("t", 5, judgePreferring(2), 7));
    assertThat(scores.get(2).verdict()).isEqualTo("survived all 3 rounds");
    assertThat(scores.stream().mapToDouble(Score::value).sum()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void bothOrdersTurnAPositionBiasedJudgeIntoCoinFlips() {
    ScriptedModel alwaysA = ScriptedModel.writing((request, k) -> "Better: A");
    List<Score> scores = tournament(0, true).verify(samples("t", 8, alwaysA, 42));
    // 7 matches, each a split decision; each match is counted in both players' raw outputs.
    int splits = 0;
    for (Score score : scores) {
      Matcher matcher = Pattern.compile("split: (\\d+)").matcher(score.rawOutput());
      assertThat(matcher.find()).isTrue();
      splits += Integer.parseInt(matcher.group(1));
    }
    assertThat(splits).isEqualTo(14);
    assertThat(scores.stream().filter(s -> s.value() == 1.0)).hasSize(1);
    assertThat(scores.get(0).rawOutput()).contains("split decision, decided by coin");
  }

  @Test
  void singleOrderLetsAPositionBiasedJudgeCrownWhoeverIsShownFirst() {
    ScriptedModel alwaysA = ScriptedModel.writing((request, k) -> "Better: A");
    List<Score> scores = tournament(0, false).verify(samples("t", 8, alwaysA, 42));
    for (Score score : scores) {
      assertThat(score.rawOutput()).contains("coin decisions: 0");
      Matcher matcher = MATCH_LINE.matcher(score.rawOutput());
      while (matcher.find()) {
        assertThat(matcher.group(4)).isEqualTo(matcher.group(2));
      }
    }
    assertThat(alwaysA.generateCalls).extracting(List::size).containsExactly(4, 2, 1);
  }

  @Test
  void coinsAreFairAcrossSeeds() {
    // Position-biased judge, both orders: every decision is a coin; sample 0 should win about
    // half of 400 tournaments (binomial sd 10).
    int firstWins = 0;
    for (long seed = 0; seed < 400; seed++) {
      ScriptedModel alwaysA = ScriptedModel.writing((request, k) -> "Better: A");
      firstWins += (int)
          tournament(0, true).verify(samples("t", 2, alwaysA, seed)).get(0).value();
    }
    assertThat(firstWins).isBetween(160, 240);
  }

  @Test
  void unparseableJudgementsCastNoVoteAndACoinDecidesWhenNoneParses() {
    ScriptedModel confused = ScriptedModel.writing((request, k) -> "I cannot decide.");
    List<Score> scores = tournament(0, true).verify(samples("t", 2, confused, 3));
    assertThat(values(scores)).containsExactlyInAnyOrder(0, 1);
    assertThat(scores)
        .allSatisfy(s -> assertThat(s.rawOutput())
            .contains("no parseable judgement, decided by coin")
            .contains("coin decisions: 1 (split: 0, unparseable: 1); unparseable judgements: 2")
            .contains("I cannot decide."));
  }

  @Test
  void withBothOrdersTheParseableJudgementDecidesAlone() {
    // The (A, B) judgement prefers B, i.e. the second sample of the pair; the (B, A) one is
    // garbage.
    ScriptedModel halfBroken = ScriptedModel.writing(
        (request, k) -> request.id().endsWith("#ab") ? "Better: B" : "Better: maybe");
    List<Score> scores = tournament(0, true).verify(samples("t", 2, halfBroken, 3));
    Matcher matcher = MATCH_LINE.matcher(scores.get(0).rawOutput());
    assertThat(matcher.find()).isTrue();
    int second = Integer.parseInt(matcher.group(3));
    assertThat(scores.get(second).value()).isEqualTo(1.0);
    assertThat(scores.get(0).rawOutput())
        .contains("(by judgement)")
        .contains("coin decisions: 0")
        .contains("unparseable judgements: 1");
  }

  @Test
  void judgementIdsNameExampleRoundPairAndOrder() {
    ScriptedModel judge = judgePreferring(0);
    tournament(0, true).verify(samples("t", 2, judge, 3));
    List<String> ids =
        judge.generateCalls.get(0).stream().map(GenerationRequest::id).toList();
    assertThat(ids).hasSize(2);
    assertThat(ids.get(0)).matches("t#r1#[01]v[01]#ab");
    assertThat(ids.get(1)).isEqualTo(ids.get(0).replace("#ab", "#ba"));
  }

  @Test
  void theSameSeedReplaysAndOtherSeedsPairDifferently() {
    List<Score> first = tournament(0, true).verify(samples("t", 8, judgePreferring(5), 42));
    List<Score> again = tournament(0, true).verify(samples("t", 8, judgePreferring(5), 42));
    assertThat(again).isEqualTo(first);
    Set<Set<String>> firstRoundPairings = new HashSet<>();
    for (long seed = 1; seed <= 6; seed++) {
      ScriptedModel judge = judgePreferring(5);
      tournament(0, true).verify(samples("t", 8, judge, seed));
      Set<String> pairs = new HashSet<>();
      judge.generateCalls.get(0).forEach(r -> pairs.add(r.id().replaceAll("#r1#|#ab|#ba", "")));
      firstRoundPairings.add(pairs);
    }
    assertThat(firstRoundPairings).hasSizeGreaterThan(1);
  }

  @Test
  void examplesPlayTheirRoundsInSharedCalls() {
    ScriptedModel judge = judgePreferring(3);
    Map<String, List<Score>> scores = tournament(0, true)
        .verifyAll(List.of(
            samples("a", 8, judge, 1), samples("b", 8, judge, 1), samples("c", 8, judge, 1)));
    assertThat(judge.generateCalls).extracting(List::size).containsExactly(24, 12, 6);
    assertThat(scores.keySet()).containsExactly("a", "b", "c");
    scores.values().forEach(s -> assertThat(s.get(3).value()).isEqualTo(1.0));
  }

  @Test
  void examplesOfDifferentSizesShareCallsUntilTheirBracketsEnd() {
    // Rounds: 8 samples need 3, 5 need 3, 1 needs none. Per call: (4 + 2) x 2, (2 + 1) x 2, (1 + 1)
    // x 2.
    ScriptedModel judge = judgePreferring(0);
    Map<String, List<Score>> scores = tournament(0, true)
        .verifyAll(List.of(
            samples("eight", 8, judge, 1),
            samples("five", 5, judge, 1),
            samples("one", 1, judge, 1)));
    assertThat(judge.generateCalls).extracting(List::size).containsExactly(12, 6, 4);
    assertThat(scores.get("one")).extracting(Score::value).containsExactly(1.0);
    assertThat(scores.get("one").get(0).verdict()).isEqualTo("only sample, no match played");
  }

  @Test
  void emptyAndSingleSampleExamplesNeedNoModel() {
    assertThat(tournament(0, true).verify(samples("t", 0, null, 1))).isEmpty();
    assertThat(tournament(0, true).verify(samples("t", 1, null, 1)))
        .extracting(Score::value)
        .containsExactly(1.0);
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> new TournamentVerifier.Options(-1, true, 0.7, 256))
        .hasMessageContaining("rounds must be >= 0");
    assertThatThrownBy(() -> new TournamentVerifier.Options(0, true, -1, 256))
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> new TournamentVerifier.Options(0, true, 0.7, 0))
        .hasMessageContaining("max_tokens");
  }

  @Test
  void roundsToOneWinnerIsCeilLog2() {
    assertThat(Bracket.roundsToOneWinner(0)).isZero();
    assertThat(Bracket.roundsToOneWinner(1)).isZero();
    assertThat(Bracket.roundsToOneWinner(2)).isEqualTo(1);
    assertThat(Bracket.roundsToOneWinner(5)).isEqualTo(3);
    assertThat(Bracket.roundsToOneWinner(8)).isEqualTo(3);
    assertThat(Bracket.roundsToOneWinner(9)).isEqualTo(4);
    assertThat(Bracket.roundsToOneWinner(128)).isEqualTo(7);
  }
}
