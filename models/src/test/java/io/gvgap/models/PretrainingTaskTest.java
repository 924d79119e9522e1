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
}
