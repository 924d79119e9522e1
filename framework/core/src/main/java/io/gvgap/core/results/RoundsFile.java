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
 * @param complete whether every round has finished
 * @param rounds the rounds so far
 */
public record RoundsFile(
    String study,
    String verifier,
    String filter,
    UpdateRule update,
    DistillationSettings distillation,
    boolean complete,
    List<RoundRecord> rounds) {

  /** The file name inside the study directory. */
  public static final String FILE = "rounds.json";
}
