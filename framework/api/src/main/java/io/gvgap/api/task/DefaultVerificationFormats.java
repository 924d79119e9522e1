package io.gvgap.api.task;

import io.gvgap.api.Stable;

/** Domain-neutral verification prompts, zero-shot; a task with few-shot judges should provide its own. */
@Stable
public class DefaultVerificationFormats implements VerificationFormats {

  /** The shared instance; the class holds no state. */
  public static final DefaultVerificationFormats INSTANCE = new DefaultVerificationFormats();

  @Override
  public String multipleChoice(Example example, String response) {
    return "Question: " + example.question() + "\nProposed answer: " + response.strip()
        + "\nIs the proposed answer correct or incorrect?\nAnswer:";
  }

  @Override
  public String cotBinary(Example example, String response) {
    return "Question: " + example.question() + "\nProposed answer: " + response.strip()
        + "\nCheck the proposed answer step by step, then end with a line"
        + " \"Verdict: correct\" or \"Verdict: incorrect\".\nCheck:";
  }

  @Override
  public String cotScore(Example example, String response) {
    return "Question: " + example.question() + "\nProposed answer: " + response.strip()
        + "\nCheck the proposed answer step by step, then end with a line \"Score: N\" where N"
        + " is from 1 (certainly wrong) to 10 (certainly right).\nCheck:";
  }

  @Override
  public String pairwise(Example example, String responseA, String responseB) {
    return "Question: " + example.question() + "\nAnswer A: " + responseA.strip()
        + "\nAnswer B: " + responseB.strip()
        + "\nCompare the answers step by step, then end with a line \"Better: A\" or"
        + " \"Better: B\".\nComparison:";
  }
}
