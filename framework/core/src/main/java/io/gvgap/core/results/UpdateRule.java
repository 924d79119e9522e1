package io.gvgap.core.results;

/** Which model each distillation starts from. */
public enum UpdateRule {
  /** Round t+1's model is fine-tuned from round t's model (the models accumulate training). */
  CONTINUE,
  /** Every round's model is fine-tuned from the base model on the latest round's kept samples. */
  RESTART
}
