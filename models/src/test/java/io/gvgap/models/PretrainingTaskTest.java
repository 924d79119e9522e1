package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A member's task picks its pre-training; the arithmetic members keep the recipe words of the committed cards. */
class PretrainingTaskTest {

  @Test
  void membersDispatchByTaskAndTheArithmeticRecipeWordsAreThoseOfTheCommittedCards() {
    FamilyMember arithS = ModelFamily.named("arith-s").orElseThrow();
    assertThat(arithS.task()).isEqualTo(FamilyMember.ARITHMETIC);
    PretrainingTask arithmetic = PretrainingTask.of(arithS);
    assertThat(arithmetic).isInstanceOf(ArithmeticPretraining.class);
    // copied from the recipe in models/arith-s/gvgap-model.json, written before tasks were
    // dispatched
    assertThat(
            "pre-trained by gvgap (io.gvgap.models.PretrainRunner) from GPT-2-style random initialisation (seed 2) on "
                + arithmetic.corpusDescription(arithS) + "; AdamW")
        .isEqualTo(
            "pre-trained by gvgap (io.gvgap.models.PretrainRunner)"
                + " from GPT-2-style random initialisation (seed 2) on the arithmetic task's corpus (digits 2, operations +-,"
                + " documents of 4 solved problems in the 3-shot prompt layout, training seeds from 1000000, expressions of"
                + " held-out seeds [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 42] (first 500 each) excluded); AdamW");
    assertThat(arithmetic.promptLayout()).isEqualTo("3-shot");
    FamilyMember sudokuS = ModelFamily.named("sudoku-s").orElseThrow();
    assertThat(PretrainingTask.of(sudokuS)).isInstanceOf(SudokuPretraining.class);
    assertThat(PretrainingTask.of(sudokuS).promptLayout()).isEqualTo("2-shot");
  }

  @Test
  void familyV4MembersFollowOneRecipeThatDiffersOnlyInSizeAndSeed() {
    java.util.Set<String> shapes = new java.util.LinkedHashSet<>();
    java.util.Map<String, Integer> seedsPerShape = new java.util.HashMap<>();
    double smallest = Double.MAX_VALUE;
    double largest = 0;
    for (FamilyMember member : ModelFamily.V4) {
      assertThat(member.task()).isEqualTo(FamilyMember.ARITHMETIC_MIX);
      assertThat(member.arithmeticOptions()).isEqualTo(FamilyMember.ARITHMETIC_MIX_OPTIONS);
      assertThat(member.stages()).hasSize(1);
      FamilyMember.Stage stage = member.stages().get(0);
      // the shared stage: the same documents, steps, learning rate and shares for every member
      assertThat(stage).isEqualTo(ModelFamily.V4_STAGE);
      assertThat(stage.documents()).isEqualTo(stage.steps() * stage.rowsPerBatch());
      long parameters = io.gvgap.onnx.decoder.DecoderParameters.count(member.config());
      String shape = member.layers() + "x" + member.width();
      shapes.add(shape);
      seedsPerShape.merge(shape, 1, Integer::sum);
      // the same tokens for all, so 6 N D scales with N
      double flops = 6.0 * parameters;
      smallest = Math.min(smallest, flops);
      largest = Math.max(largest, flops);
      // the recipe words differ between members of one shape only in the seed
      assertThat(PretrainRunner.recipe(member).replace("(seed " + member.seed() + ")", "(seed S)"))
          .isEqualTo(PretrainRunner.recipe(ModelFamily.v4("x", member.layers(), member.width(), 9))
              .replace("(seed 9)", "(seed S)"));
    }
    assertThat(shapes).hasSize(7);
    assertThat(seedsPerShape.values().stream().filter(n -> n >= 3).count()).isEqualTo(3);
    assertThat(largest / smallest).isGreaterThanOrEqualTo(100);
  }

  @Test
  void theMixCorpusTrainsOnSingleDigitProblemsAndHoldsOutLongerOnes() {
    assertThat(ArithmeticPretrainingCorpus.isSingleDigit("7*9")).isTrue();
    assertThat(ArithmeticPretrainingCorpus.isSingleDigit("7-19")).isFalse();
    assertThat(ArithmeticPretrainingCorpus.isSingleDigit("70+19")).isFalse();
    ArithmeticPretrainingCorpus corpus =
        new ArithmeticPretrainingCorpus(FamilyMember.ARITHMETIC_MIX_OPTIONS);
    io.gvgap.tasks.arithmetic.ArithmeticTask task =
        new io.gvgap.tasks.arithmetic.ArithmeticTask(FamilyMember.ARITHMETIC_MIX_OPTIONS);
    int single = 0;
    int longer = 0;
    for (io.gvgap.api.task.Example example :
        task.examples(new io.gvgap.api.task.ExampleRequest(200, PretrainRunner.EVALUATION_SEED))) {
      String expression =
          example.metadata().get(io.gvgap.tasks.arithmetic.ArithmeticTask.EXPRESSION);
      if (ArithmeticPretrainingCorpus.isSingleDigit(expression)) {
        single++;
        assertThat(corpus.isHeldOut(expression)).as(expression).isFalse();
      } else {
        longer++;
        assertThat(corpus.isHeldOut(expression)).as(expression).isTrue();
      }
    }
    assertThat(single).isPositive();
    assertThat(longer).isPositive();
    // the default corpus has no single-digit problems, so its exclusions are as before
    assertThat(new ArithmeticPretrainingCorpus(new io.gvgap.tasks.arithmetic.ArithmeticOptions())
            .heldOutExpressions())
        .isEqualTo(heldOutDefaultExpressions());
  }

  private static int heldOutDefaultExpressions() {
    java.util.Set<String> all = new java.util.HashSet<>();
    io.gvgap.tasks.arithmetic.ArithmeticTask task = new io.gvgap.tasks.arithmetic.ArithmeticTask(
        new io.gvgap.tasks.arithmetic.ArithmeticOptions());
    for (long seed : ArithmeticPretrainingCorpus.HELD_OUT_SEEDS) {
      for (io.gvgap.api.task.Example example :
          task.examples(new io.gvgap.api.task.ExampleRequest(500, seed))) {
        all.add(example.metadata().get(io.gvgap.tasks.arithmetic.ArithmeticTask.EXPRESSION));
      }
    }
    return all.size();
  }

  @Test
  void theEvaluationLimitCoversTheLongestSolution() {
    io.gvgap.tasks.arithmetic.ArithmeticTask mix =
        new io.gvgap.tasks.arithmetic.ArithmeticTask(FamilyMember.ARITHMETIC_MIX_OPTIONS);
    java.util.List<io.gvgap.api.task.Example> examples =
        mix.examples(new io.gvgap.api.task.ExampleRequest(200, 0));
    int longest = examples.stream().mapToInt(e -> e.reference().length()).max().orElseThrow();
    assertThat(longest).isGreaterThan(200);
    assertThat(HeldOutEvaluation.maxNewTokens(examples)).isEqualTo(longest + 40);
    io.gvgap.tasks.arithmetic.ArithmeticTask plain = new io.gvgap.tasks.arithmetic.ArithmeticTask(
        new io.gvgap.tasks.arithmetic.ArithmeticOptions());
    assertThat(HeldOutEvaluation.maxNewTokens(
            plain.examples(new io.gvgap.api.task.ExampleRequest(200, 0))))
        .isEqualTo(200);
  }
}
