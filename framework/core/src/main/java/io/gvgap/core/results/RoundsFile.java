package io.gvgap.core.results;

import java.util.List;

/**
 * The contents of {@code rounds.json}, rewritten after every stage.
 *
 * @param study the study's name
 * @param verifier the verifier label whose kept samples are distilled
 * @param filter the filter label
 * @param update the update rule
 * @param distillation the fine-tuning settings
 * @param split how each task's examples were split into a train and an evaluation split
 * @param control the control arm, {@code oracle} (distils the train split's correct samples), or
 *     null when the study has none
 * @param complete whether every round of every arm has finished
 * @param rounds the self-verified arm's rounds so far
 * @param controlRounds the control arm's rounds so far (its round 0 is the shared base model's);
 *     empty without a control arm
 * @param differences paired round-to-round differences on the evaluation split, per arm and task:
 *     each round against the previous one and against round 0
 */
public record RoundsFile(
    String study,
    String verifier,
    String filter,
    UpdateRule update,
    DistillationSettings distillation,
    SplitRecord split,
    String control,
    boolean complete,
    List<RoundRecord> rounds,
    List<RoundRecord> controlRounds,
    List<RoundDifference> differences) {

  /** The name of the self-verified arm in {@link RoundDifference#arm()}. */
  public static final String SELF_ARM = "self";

  /** The name of the oracle control arm, in {@link #control()} and {@link RoundDifference#arm()}. */
  public static final String ORACLE_ARM = "oracle";

  /** The file name inside the study directory. */
  public static final String FILE = "rounds.json";
}
