package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import io.gvgap.tasks.sudoku4.Sudoku4Options;
import io.gvgap.tasks.sudoku4.Sudoku4Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed model directories (this module's folder) against the recipe in {@link ModelFamily} and
 * against what issue #4 asks of the family; the figures come from the committed cards, and each card's
 * greedy accuracy is re-measured from its model.onnx on a seeded subset of its problems.
 */
class CommittedFamilyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODELS = Path.of("").toAbsolutePath();
  /**
   * Members too large to commit, rebuilt with {@code gvgap models pretrain --out models NAME}
   * (models/README.md); .gitignore keeps a rebuilt directory out of commits, and the size budget
   * does not count it.
   */
  static final Set<String> NOT_COMMITTED = Set.of("arith4-6x288");
  /** Problems of each card re-measured from model.onnx. */
  private static final int SUBSET = 40;

  private static final long SUBSET_SEED = 21;
  /** Probability in one tail of the hypergeometric distribution below which a re-measured count fails. */
  private static final double TAIL = 0.001;

  @Test
  void everyMemberIsCommittedWithTheCardItsRecipeWrites() throws IOException {
    for (FamilyMember member : ModelFamily.MEMBERS) {
      Path directory = MODELS.resolve(member.name());
      assertThat(directory.resolve("model.onnx")).as(member.name()).isRegularFile();
      JsonNode card = card(member);
      assertThat(card.path("name").asText()).isEqualTo(member.name());
      assertThat(card.path("recipe").asText())
          .as(member.name() + " recipe")
          .isEqualTo(PretrainRunner.recipe(member));
      long parameters = DecoderParameters.count(member.config());
      assertThat(card.path("parameters").asLong()).as(member.name()).isEqualTo(parameters);
      assertThat(card.path("pretrainingFlops").asDouble())
          .isEqualTo(6.0 * parameters * card.path("tokensSeen").asLong());
      int steps = member.stages().stream().mapToInt(FamilyMember.Stage::steps).sum();
      assertThat(card.path("steps").asLong()).as(member.name() + " steps").isEqualTo(steps);
    }
  }

  @Test
  void theArithmeticFamilySpansThirtyTimesSolvesMoreWithSizeAndSamplesDifferWhereAnyIsWrong()
      throws IOException {
    List<JsonNode> arithmetic = new ArrayList<>();
    for (FamilyMember member : ModelFamily.MEMBERS) {
      if (member.task().equals(FamilyMember.ARITHMETIC)) {
        arithmetic.add(card(member));
      }
    }
    arithmetic.sort(Comparator.comparingDouble(c -> c.path("pretrainingFlops").asDouble()));
    assertThat(arithmetic).hasSizeGreaterThanOrEqualTo(4);
    double smallest = arithmetic.get(0).path("pretrainingFlops").asDouble();
    double largest =
        arithmetic.get(arithmetic.size() - 1).path("pretrainingFlops").asDouble();
    assertThat(largest / smallest).isGreaterThanOrEqualTo(30);
    // each member (by FLOPs) solves more held-out problems greedily than the one before it
    for (int i = 1; i < arithmetic.size(); i++) {
      assertThat(greedy(arithmetic.get(i)))
          .as(arithmetic.get(i).path("name").asText())
          .isGreaterThan(greedy(arithmetic.get(i - 1)));
    }
    // the smallest solves easy problems (no carry, borrow or negative result) well above zero
    assertThat(arithmetic.get(0).path("heldOutAccuracy").path("easyGreedy").asDouble())
        .isGreaterThan(0.25);
    // samples at T = 0.7 differ: 4 samples per problem, so 0.25 means all alike on every problem,
    // which
    // is right only for a member whose samples are all correct
    for (JsonNode card : arithmetic) {
      JsonNode heldOut = card.path("heldOutAccuracy");
      if (heldOut.path("temperature0_7").asDouble() < 1.0) {
        assertThat(heldOut.path("distinctSampleFraction").asDouble())
            .as(card.path("name").asText())
            .isGreaterThan(
                1.0 / heldOut.path("samplesPerProblemAtTemperature0_7").asInt());
      }
    }
  }

  /**
   * The committed model directories stay small: the first family and family v4's members up to
   * 5 x 192 (25.1 MiB; 5 x 192's 9.8 MB were added so that the scaling study of docs/FINDINGS.md
   * runs from a clone); the largest v4 member (25 MB) is rebuilt with {@code gvgap models pretrain}
   * (models/README.md).
   */
  @Test
  void theCommittedDirectoriesTakeAtMostTwentySixMegabytes() throws IOException {
    long bytes = 0;
    for (FamilyMember member : committed()) {
      try (Stream<Path> files = Files.walk(MODELS.resolve(member.name()))) {
        bytes += files
            .filter(Files::isRegularFile)
            .mapToLong(file -> file.toFile().length())
            .sum();
      }
    }
    assertThat(bytes).isLessThanOrEqualTo(26L * 1024 * 1024);
  }

  /**
   * The cards' greedy accuracy re-measured from the committed {@code model.onnx} files, on a seeded
   * subset of {@value #SUBSET} of each card's held-out problems (same seed, task options and token
   * limit as {@link PretrainRunner}). The subset is a seeded draw without replacement from the card's
   * problems, so when the weights are the ones the card measured, the number solved follows the
   * hypergeometric distribution H(N problems, K solved on the card, n = {@value #SUBSET}); a count in
   * either tail beyond {@value #TAIL} (exact probabilities, no normal approximation) fails. A card of
   * accuracy 1.0 thus demands all {@value #SUBSET}, and an accuracy off by 0.25 fails for every member.
   */
  @Test
  void greedyAccuracyMeasuredFromModelOnnxAgreesWithTheCard() {
    for (FamilyMember member : committed()) {
      JsonNode heldOut;
      try {
        heldOut = card(member).path("heldOutAccuracy");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      int problems = heldOut.path("problems").asInt();
      assertThat(heldOut.path("seed").asLong()).isEqualTo(PretrainRunner.EVALUATION_SEED);
      assertThat(problems).as(member.name()).isEqualTo(PretrainRunner.EVALUATION_PROBLEMS);
      int solvedOnCard = (int) Math.round(heldOut.path("greedy").asDouble() * problems);
      boolean arithmetic = member.isArithmetic();
      Task task = arithmetic
          ? new ArithmeticTask(member.arithmeticOptions())
          : new Sudoku4Task(new Sudoku4Options());
      List<Example> all =
          task.examples(new ExampleRequest(problems, PretrainRunner.EVALUATION_SEED));
      // the card's own limit: the longest reference + 40 where that exceeds 200 (family v4's
      // products)
      int maxTokens =
          arithmetic ? HeldOutEvaluation.maxNewTokens(all) : SudokuHeldOutEvaluation.MAX_TOKENS;
      if (heldOut.has("maxNewTokens")) {
        assertThat(heldOut.path("maxNewTokens").asInt()).as(member.name()).isEqualTo(maxTokens);
      }
      List<Integer> indices =
          new ArrayList<>(java.util.stream.IntStream.range(0, problems).boxed().toList());
      java.util.Collections.shuffle(indices, new java.util.Random(SUBSET_SEED));
      List<GenerationRequest> requests = new ArrayList<>();
      java.util.Map<String, Example> byId = new java.util.HashMap<>();
      for (int index : indices.subList(0, SUBSET)) {
        Example example = all.get(index);
        Prompt prompt = task.generationPrompt(example);
        requests.add(new GenerationRequest(example.id(), prompt.text(), 0, 1, prompt.stop()));
        byId.put(example.id(), example);
      }
      int solved = 0;
      try (OnnxLanguageModel model =
          OnnxLanguageModel.open(MODELS.resolve(member.name()), 2, "cpu", 64)) {
        for (Generation generation : model.generate(requests, SamplingParams.greedy(maxTokens))) {
          Example example = byId.get(generation.id());
          solved += (int) task.utility(
              example, task.extract(example, generation.completions().get(0).text()));
        }
      }
      double below = hypergeometricCdf(solved, problems, solvedOnCard, SUBSET);
      double above = 1 - hypergeometricCdf(solved - 1, problems, solvedOnCard, SUBSET);
      assertThat(Math.min(below, above))
          .as(
              "%s: %d of %d solved from model.onnx; the card's %d of %d makes that"
                  + " P(X <= %d) = %.2g, P(X >= %d) = %.2g",
              member.name(), solved, SUBSET, solvedOnCard, problems, solved, below, solved, above)
          .isGreaterThan(TAIL);
    }
  }

  /**
   * Every family v4 member under models/ (committed, or rebuilt locally): its card carries the
   * recipe words, parameter count, steps and 6·N·D of {@link ModelFamily#v4} and the mix's
   * evaluation; the seed-1 members (one per size) have
   * a greedy held-out accuracy inside the family's bounds (above 5 % and below 90 %: room at both
   * ends for the gap to move), and every member one below 90 % and above 0. Seeds 2 and 3 of the
   * smallest size sit at 0.025 and 0.050: at that size the seed moves accuracy across the lower
   * bound (models/README.md).
   */
  @Test
  void everyCommittedFamilyV4MemberHasItsRecipesCardAndAnAccuracyInsideTheBounds()
      throws IOException {
    List<FamilyMember> v4 = presentV4();
    assertThat(v4).as("family v4 members committed under models/").isNotEmpty();
    for (FamilyMember member : v4) {
      JsonNode card = card(member);
      assertThat(card.path("recipe").asText())
          .as(member.name())
          .isEqualTo(PretrainRunner.recipe(member));
      long parameters = DecoderParameters.count(member.config());
      assertThat(card.path("parameters").asLong()).as(member.name()).isEqualTo(parameters);
      assertThat(card.path("steps").asLong()).isEqualTo(ModelFamily.V4_STEPS);
      assertThat(card.path("seed").asLong()).isEqualTo(member.seed());
      assertThat(card.path("pretrainingFlops").asDouble())
          .isEqualTo(6.0 * parameters * card.path("tokensSeen").asLong());
      JsonNode heldOut = card.path("heldOutAccuracy");
      assertThat(heldOut.path("task").asText())
          .isEqualTo(HeldOutEvaluation.describe(FamilyMember.ARITHMETIC_MIX_OPTIONS));
      assertThat(greedy(card)).as(member.name() + " greedy").isGreaterThan(0).isLessThan(0.90);
      if (member.seed() == 1) {
        assertThat(greedy(card)).as(member.name() + " greedy").isGreaterThan(0.05);
      }
    }
  }

  /**
   * One pass over the same documents: every family v4 member under models/ saw the same number of tokens
   * (the seed changes only the order of the batches), so 6·N·D differs between members only by N.
   */
  @Test
  void committedFamilyV4MembersSawTheSameTokens() throws IOException {
    java.util.Set<Long> tokens = new java.util.HashSet<>();
    for (FamilyMember member : presentV4()) {
      tokens.add(card(member).path("tokensSeen").asLong());
    }
    assertThat(tokens).hasSizeLessThanOrEqualTo(1);
  }

  /** Every member that is not committed is a family v4 member that .gitignore keeps out of commits. */
  @Test
  void theMembersThatAreNotCommittedAreIgnoredByGit() throws IOException {
    List<String> ignored = Files.readAllLines(MODELS.resolve("..").resolve(".gitignore"));
    for (String name : NOT_COMMITTED) {
      assertThat(ModelFamily.named(name)).as(name).isPresent();
      assertThat(ignored).as(".gitignore").contains("/models/" + name + "/");
    }
  }

  @Test
  void theHypergeometricToleranceAcceptsTheExpectedCountAndRejectsAFarOne() {
    // card 193 of 200 (0.965): 40 of a subset of 40 is likely, 30 of 40 is not
    assertThat(1 - hypergeometricCdf(39, 200, 193, 40)).isGreaterThan(TAIL);
    assertThat(hypergeometricCdf(30, 200, 193, 40)).isLessThan(TAIL);
    // card 200 of 200: only 40 of 40 is possible
    assertThat(hypergeometricCdf(39, 200, 200, 40)).isZero();
    assertThat(hypergeometricCdf(40, 200, 65, 40))
        .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  /** P(X <= x) for X ~ H(population, successes, draws): draws without replacement. */
  static double hypergeometricCdf(int x, int population, int successes, int draws) {
    double total = 0;
    for (int k = Math.max(0, draws - (population - successes));
        k <= Math.min(x, Math.min(draws, successes));
        k++) {
      total += Math.exp(logChoose(successes, k)
          + logChoose(population - successes, draws - k)
          - logChoose(population, draws));
    }
    return Math.min(1.0, total);
  }

  private static double logChoose(int n, int k) {
    double sum = 0;
    for (int i = 1; i <= k; i++) {
      sum += Math.log(n - k + i) - Math.log(i);
    }
    return sum;
  }

  private static double greedy(JsonNode card) {
    return card.path("heldOutAccuracy").path("greedy").asDouble();
  }

  private static JsonNode card(FamilyMember member) throws IOException {
    return JSON.readTree(
        MODELS.resolve(member.name()).resolve(ModelDirectory.MODEL_CARD_FILE).toFile());
  }

  /** The members whose directories are committed: the first family's (all) and family v4's present ones. */
  private static List<FamilyMember> committed() {
    List<FamilyMember> members = new ArrayList<>(ModelFamily.MEMBERS);
    members.addAll(committedV4());
    return members;
  }

  /** Family v4's members present under models/ that are committed (not {@link #NOT_COMMITTED}). */
  private static List<FamilyMember> committedV4() {
    return presentV4().stream()
        .filter(member -> !NOT_COMMITTED.contains(member.name()))
        .toList();
  }

  /** Family v4's members present under models/: the committed ones and any rebuilt locally. */
  private static List<FamilyMember> presentV4() {
    return ModelFamily.V4.stream()
        .filter(member -> Files.isRegularFile(
            MODELS.resolve(member.name()).resolve(ModelDirectory.MODEL_CARD_FILE)))
        .toList();
  }
}
