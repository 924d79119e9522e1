package io.gvgap.tasks.arithmetic;

/** The four verification prompt formats, as labels of verification corpus documents. */
public enum VerificationStyle {
  /** Multiple choice: the next word is the verdict. */
  MULTIPLE_CHOICE,
  /** The judge reasons, then writes {@code Verdict: correct|incorrect}. */
  COT_BINARY,
  /** The judge reasons, then writes {@code Score: N}, N from 1 to 10. */
  COT_SCORE,
  /** The judge compares two responses, then writes {@code Better: A|B}. */
  PAIRWISE
}
