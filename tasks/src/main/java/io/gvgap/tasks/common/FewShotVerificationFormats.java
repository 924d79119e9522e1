package io.gvgap.tasks.common;

import io.gvgap.api.task.Example;
import io.gvgap.api.task.VerificationFormats;
import java.util.List;
import java.util.Objects;

/**
 * Verification prompts with few-shot judging exemplars of one domain, in the layout of
 * {@link io.gvgap.api.task.DefaultVerificationFormats}: each exemplar shows a question, a response and
 * the verdict, then the prompt poses the example to judge and stops where the judge continues.
 *
 * <p>Exemplars alternate the position of the correct response (first or second, A or B) so that a
 * judge cannot learn a position or a verdict order from the prompt.
 */
public final class FewShotVerificationFormats implements VerificationFormats {

  private final String instructions;
  private final List<JudgedExample> shots;

  /**
   * Creates the formats.
   *
   * @param instructions one paragraph that opens every prompt (what is judged and how)
   * @param shots the judging exemplars, used in order
   */
  public FewShotVerificationFormats(String instructions, List<JudgedExample> shots) {
    this.instructions = Objects.requireNonNull(instructions, "instructions").strip();
    this.shots = List.copyOf(shots);
  }

  @Override
  public String multipleChoice(Example example, String response) {
    StringBuilder prompt = header();
    forEachJudgedResponse((shot, response1, correct, check, score) -> appendProposal(
            prompt, shot.question(), response1)
        .append("Is the proposed answer correct or incorrect?\nAnswer:")
        .append(correct ? correctWord() : incorrectWord())
        .append("\n\n"));
    return appendProposal(prompt, example.question(), response)
        .append("Is the proposed answer correct or incorrect?\nAnswer:")
        .toString();
  }

  @Override
  public String cotBinary(Example example, String response) {
    StringBuilder prompt = header();
    forEachJudgedResponse((shot, response1, correct, check, score) -> appendProposal(
            prompt, shot.question(), response1)
        .append("Check: ")
        .append(check.strip())
        .append("\nVerdict: ")
        .append(correct ? "correct" : "incorrect")
        .append("\n\n"));
    return appendProposal(prompt, example.question(), response)
        .append(
            "Check the proposed answer step by step, then end with a line \"Verdict: correct\" or"
                + " \"Verdict: incorrect\".\nCheck:")
        .toString();
  }

  @Override
  public String cotScore(Example example, String response) {
    StringBuilder prompt = header();
    forEachJudgedResponse((shot, response1, correct, check, score) -> appendProposal(
            prompt, shot.question(), response1)
        .append("Check: ")
        .append(check.strip())
        .append("\nScore: ")
        .append(score)
        .append("\n\n"));
    return appendProposal(prompt, example.question(), response)
        .append(
            "Check the proposed answer step by step, then end with a line \"Score: N\" where N is"
                + " from 1 (certainly wrong) to 10 (certainly right).\nCheck:")
        .toString();
  }

  @Override
  public String pairwise(Example example, String responseA, String responseB) {
    StringBuilder prompt = header();
    for (int i = 0; i < shots.size(); i++) {
      JudgedExample shot = shots.get(i);
      boolean correctIsA = i % 2 == 1;
      String a = correctIsA ? shot.correctResponse() : shot.wrongResponse();
      String b = correctIsA ? shot.wrongResponse() : shot.correctResponse();
      String checkA = correctIsA ? shot.correctCheck() : shot.wrongCheck();
      String checkB = correctIsA ? shot.wrongCheck() : shot.correctCheck();
      appendPair(prompt, shot.question(), a, b)
          .append("Comparison: Answer A: ")
          .append(checkA.strip())
          .append(" Answer B: ")
          .append(checkB.strip())
          .append("\nBetter: ")
          .append(correctIsA ? "A" : "B")
          .append("\n\n");
    }
    return appendPair(prompt, example.question(), responseA, responseB)
        .append(
            "Compare the answers step by step, then end with a line \"Better: A\" or \"Better: B\".\n"
                + "Comparison:")
        .toString();
  }

  private StringBuilder header() {
    return new StringBuilder(instructions).append("\n\n");
  }

  private static StringBuilder appendProposal(
      StringBuilder prompt, String question, String response) {
    return prompt
        .append("Question: ")
        .append(question.strip())
        .append("\nProposed answer:\n")
        .append(response.strip())
        .append('\n');
  }

  private static StringBuilder appendPair(
      StringBuilder prompt, String question, String a, String b) {
    return prompt
        .append("Question: ")
        .append(question.strip())
        .append("\nAnswer A:\n")
        .append(a.strip())
        .append("\nAnswer B:\n")
        .append(b.strip())
        .append('\n');
  }

  /** Visits each exemplar's two responses, the correct one first in even-numbered exemplars. */
  private void forEachJudgedResponse(JudgedResponseVisitor visitor) {
    for (int i = 0; i < shots.size(); i++) {
      JudgedExample shot = shots.get(i);
      boolean correctFirst = i % 2 == 0;
      for (boolean correct :
          correctFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
        visitor.visit(
            shot,
            correct ? shot.correctResponse() : shot.wrongResponse(),
            correct,
            correct ? shot.correctCheck() : shot.wrongCheck(),
            correct ? shot.correctScore() : shot.wrongScore());
      }
    }
  }

  /** Receives one judged response of an exemplar. */
  private interface JudgedResponseVisitor {
    void visit(JudgedExample shot, String response, boolean correct, String check, int score);
  }
}
