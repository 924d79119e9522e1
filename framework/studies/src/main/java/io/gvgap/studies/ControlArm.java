package io.gvgap.studies;

/** The control arm an improvement study runs beside its self-verified arm ({@code improve.control}). */
public enum ControlArm {
  /** No control arm; the default. */
  NONE,
  /**
   * The oracle filter: each round distils the train split's correct samples (ground truth decides),
   * deduplicated like the self-verified arm's, from its own chain of models.
   */
  ORACLE
}
