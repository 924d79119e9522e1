package io.gvgap.verifiers;

import io.gvgap.api.task.VerificationFormats;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The single-elimination bracket of one example: who is still in, who met whom, and how many rounds
 * each sample survived. Rounds are played by the caller: {@link #startRound} gives the round's
 * judging prompts, {@link #finishRound} reads the judge's outputs.
 *
 * <p>Each round the surviving samples are shuffled with a generator seeded by (request seed,
 * example id, round) and paired in order; an odd one out gets a bye and survives the round. A match
 * is decided by its parsed judgements when they agree. When they split (each order preferred the
 * sample in the same position: position bias) or none parses, a coin seeded by (request seed,
 * example id, round, pair) decides, and the raw output records it. A judgement that cannot be
 * parsed casts no vote, so with both orders judged the other judgement alone decides.
 */
final class Bracket {

  private final VerificationRequest request;
  private final boolean bothOrders;
  private final int totalRounds;
  private final List<Candidate> candidates;
  private final int[] survived;
  private final StringBuilder[] logs;
  private final int[] splitCoins;
  private final int[] unparseableCoins;
  private final int[] unparseableJudgements;
  private List<Integer> alive;
  private List<Match> current = List.of();
  private int byeThisRound = -1;
  private int round;

  /**
   * @param requestedRounds rounds to play, 0 for "until one remains"; never more than that
   */
  Bracket(VerificationRequest request, int requestedRounds, boolean bothOrders) {
    this.request = request;
    this.bothOrders = bothOrders;
    this.candidates = request.candidates();
    int full = roundsToOneWinner(candidates.size());
    this.totalRounds = requestedRounds == 0 ? full : Math.min(requestedRounds, full);
    int n = candidates.size();
    this.survived = new int[n];
    this.logs = new StringBuilder[n];
    this.splitCoins = new int[n];
    this.unparseableCoins = new int[n];
    this.unparseableJudgements = new int[n];
    this.alive = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      logs[i] = new StringBuilder();
      alive.add(i);
    }
  }

  /** How many halving rounds (with byes) leave one of {@code n} samples: ceil(log2 n). */
  static int roundsToOneWinner(int n) {
    int rounds = 0;
    for (int left = n; left > 1; left = (left + 1) / 2) {
      rounds++;
    }
    return rounds;
  }

  /** Rounds this bracket plays. */
  int totalRounds() {
    return totalRounds;
  }

  /** Whether every round has been played. */
  boolean finished() {
    return round >= totalRounds;
  }

  /** Pairs the survivors for the next round and returns the round's judging prompts. */
  List<Judgement> startRound() {
    if (finished()) {
      throw new IllegalStateException(
          "all " + totalRounds + " rounds of example '" + exampleId() + "' are played");
    }
    round++;
    List<Integer> order = new ArrayList<>(alive);
    Collections.shuffle(order, new Random(Seeds.derive(request.seed(), exampleId(), round)));
    byeThisRound = -1;
    if (order.size() % 2 == 1) {
      int bye = order.remove(order.size() - 1);
      byeThisRound = bye;
      survived[bye]++;
      logs[bye].append("round ").append(round).append(": bye (odd one out), advances\n");
    }
    List<Match> matches = new ArrayList<>();
    List<Judgement> judgements = new ArrayList<>();
    VerificationFormats formats = request.task().verification();
    for (int i = 0; i + 1 < order.size(); i += 2) {
      int first = order.get(i);
      int second = order.get(i + 1);
      List<Judgement> match = new ArrayList<>();
      match.add(judgement(formats, first, second, false));
      if (bothOrders) {
        match.add(judgement(formats, first, second, true));
      }
      matches.add(new Match(first, second, List.copyOf(match)));
      judgements.addAll(match);
    }
    current = matches;
    return judgements;
  }

  private Judgement judgement(VerificationFormats formats, int first, int second, boolean swapped) {
    String id = pairLabel(first, second) + (swapped ? "#ba" : "#ab");
    String textA = candidates.get(swapped ? second : first).text();
    String textB = candidates.get(swapped ? first : second).text();
    return new Judgement(id, formats.pairwise(request.example(), textA, textB), swapped);
  }

  private String pairLabel(int first, int second) {
    return exampleId() + "#r" + round + "#" + sample(first) + "v" + sample(second);
  }

  /** Decides the round's matches from the judge's outputs (one text per judgement id). */
  void finishRound(Map<String, String> outputsById) {
    List<Integer> next = new ArrayList<>();
    if (byeThisRound >= 0) {
      next.add(byeThisRound);
    }
    for (Match match : current) {
      int winner = decide(match, outputsById);
      survived[winner]++;
      next.add(winner);
    }
    alive = next;
    current = List.of();
  }

  private int decide(Match match, Map<String, String> outputsById) {
    int first = match.first();
    int second = match.second();
    StringBuilder detail = new StringBuilder();
    Integer vote = null;
    boolean split = false;
    int votes = 0;
    for (Judgement judgement : match.judgements()) {
      String output = outputsById.get(judgement.id());
      int shownAsA = judgement.swapped() ? second : first;
      int shownAsB = judgement.swapped() ? first : second;
      Verdict verdict = PairwiseVerdictParser.parse(output);
      detail
          .append("  judgement (A = sample ")
          .append(sample(shownAsA))
          .append(", B = sample ")
          .append(sample(shownAsB))
          .append("): ");
      if (verdict.parsed()) {
        int preferred = verdict.text().equals("A") ? shownAsA : shownAsB;
        detail
            .append("Better: ")
            .append(verdict.text())
            .append(" -> sample ")
            .append(sample(preferred))
            .append('\n');
        split |= vote != null && vote != preferred;
        vote = preferred;
        votes++;
      } else {
        detail.append("unparseable, no vote (").append(verdict.text()).append(")\n");
        unparseableJudgements[first]++;
        unparseableJudgements[second]++;
      }
      detail.append(indent(output));
    }
    int winner;
    String how;
    if (votes > 0 && !split) {
      winner = vote;
      how = votes == 1 ? "by judgement" : "judgements agree";
    } else {
      winner = Seeds.coin(request.seed(), pairLabel(first, second)) ? first : second;
      int[] counter = split ? splitCoins : unparseableCoins;
      counter[first]++;
      counter[second]++;
      how = split ? "split decision, decided by coin" : "no parseable judgement, decided by coin";
    }
    String header = "round " + round + ": sample " + sample(first) + " vs sample " + sample(second)
        + " -> sample " + sample(winner) + " won (" + how + ")\n";
    logs[first].append(header).append(detail);
    logs[second].append(header).append(detail);
    return winner;
  }

  /** One score per candidate, in the request's order: rounds survived over rounds played. */
  List<Score> scores() {
    if (!finished()) {
      throw new IllegalStateException(
          "the tournament of example '" + exampleId() + "' has rounds left to play");
    }
    List<Score> scores = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (totalRounds == 0) {
        scores.add(Score.of(
            sample(i),
            1,
            "the only sample of its example; no match was played",
            "only sample, no match played"));
        continue;
      }
      String raw = "single-elimination tournament among " + candidates.size() + " samples, "
          + totalRounds
          + " rounds, both orders judged: " + (bothOrders ? "yes" : "no") + "\n" + logs[i]
          + "coin decisions: " + (splitCoins[i] + unparseableCoins[i]) + " (split: " + splitCoins[i]
          + ", unparseable: " + unparseableCoins[i] + "); unparseable judgements: "
          + unparseableJudgements[i] + "\n";
      String verdict = survived[i] == totalRounds
          ? "survived all " + totalRounds + " rounds"
          : "survived " + survived[i] + " of " + totalRounds + " rounds";
      scores.add(Score.of(sample(i), (double) survived[i] / totalRounds, raw, verdict));
    }
    return scores;
  }

  String exampleId() {
    return request.example().id();
  }

  private int sample(int position) {
    return candidates.get(position).sampleIndex();
  }

  private static String indent(String output) {
    StringBuilder indented = new StringBuilder();
    for (String line : output.split("\n", -1)) {
      indented.append("    | ").append(line).append('\n');
    }
    return indented.toString();
  }
}
