package io.gvgap.models;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.onnx.train.TrainingExample;
import java.nio.file.Path;
import java.util.List;

/**
 * What a member's task contributes to its pre-training in {@link PretrainRunner}: the stage corpora,
 * the recipe's description of them, and the held-out evaluation of the model card.
 */
interface PretrainingTask {

  /** The task of a member ({@link FamilyMember#task()}). */
  static PretrainingTask of(FamilyMember member) {
    return switch (member.task()) {
      case FamilyMember.ARITHMETIC, FamilyMember.ARITHMETIC_MIX ->
        new ArithmeticPretraining(member.arithmeticOptions());
      case FamilyMember.SUDOKU4 -> new SudokuPretraining();
      default ->
        throw new IllegalArgumentException("family member " + member.name() + " has task '"
            + member.task() + "', which has no pre-training corpus; use " + FamilyMember.ARITHMETIC
            + " or " + FamilyMember.SUDOKU4);
    };
  }

  /** The recipe's words for the corpus, e.g. "the arithmetic task's corpus (digits 2, ...)". */
  String corpusDescription(FamilyMember member);

  /** The few-shot prompt layout the recipe names, e.g. "3-shot". */
  String promptLayout();

  /** The documents of one stage. */
  List<TrainingExample> stage(FamilyMember member, FamilyMember.Stage stage);

  /** Evaluates a trained model directory on {@code problems} held-out problems: the card's {@code heldOutAccuracy}. */
  ObjectNode evaluate(Path directory, int problems, int threads);
}
