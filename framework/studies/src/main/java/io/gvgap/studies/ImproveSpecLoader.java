package io.gvgap.studies;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.gvgap.core.files.FileProblems;
import io.gvgap.core.files.TextFiles;
import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads an improvement spec: a run spec with one more top-level section,
 * <pre>
 * improve:
 *   rounds: 2                      # distillations; rounds 0..2 are evaluated
 *   verifier: cot-score            # a verifier label of the run part
 *   filter: quantile(alpha=0.25)   # a filter label of the run part
 *   update: continue               # or restart
 *   distillation: {steps: 40, learning_rate: 3.0e-4, batch: 16, checkpoint_every: 20, seed: 1}
 *   dedup: exact                   # or near (shingle Jaccard, from the sample index)
 *   split: {train: 0.5, seed: 7}   # share of each task's examples distilled from; the rest is
 *                                  # the evaluation split (default 0.5, seed: the run's seed)
 *   control: oracle                # or none (default): also run an arm that distils the train
 *                                  # split's correct samples
 * </pre>
 * The section is bound to a record with Jackson; unknown keys are errors, as in run specs, and every
 * error names the file, line, column and field.
 */
public final class ImproveSpecLoader {
  private ImproveSpecLoader() {}

  /** Reads and checks an improvement spec file. */
  public static ImproveSpec load(Path file) {
    String text;
    try {
      text = TextFiles.readUtf8(file);
    } catch (IOException e) {
      throw new SpecException(
          file, 1, 1, "", "cannot read the improvement spec: " + FileProblems.explain(file, e), e);
    }
    return parse(file, text);
  }

  /** Checks improvement spec text as if it were the content of {@code file}. */
  public static ImproveSpec parse(Path file, String text) {
    RunSpec run = RunSpecLoader.parse(file, text, "improve");
    StudySection section = StudySection.of(run, "improve");
    Section given = section.bind(text, Section.class);
    if (given == null) {
      throw new SpecException(
          file,
          1,
          1,
          "improve",
          "missing the 'improve' section (a mapping with keys rounds,"
              + " verifier, filter, update, distillation, dedup, split, control); see ImproveSpecLoader's documentation for an example",
          null);
    }
    int rounds = given.rounds() == null ? 2 : given.rounds();
    if (rounds < 1) {
      throw section.error("rounds", "expected an integer >= 1, was " + rounds);
    }
    String verifier = required(
        section,
        given.verifier(),
        "verifier",
        "the label of the verifier whose kept samples" + " are distilled");
    String filter = required(
        section,
        given.filter(),
        "filter",
        "the label of the filter whose kept samples are" + " distilled, e.g. quantile(alpha=0.25)");
    UpdateRule update = given.update() == null ? UpdateRule.CONTINUE : given.update();
    DedupRule dedup = given.dedup() == null ? DedupRule.EXACT : given.dedup();
    DistillationSettings distillation = new DistillationSettings(50, 3e-4, 16, 25, run.seed());
    Distillation d = given.distillation();
    if (d != null) {
      double lr = d.learningRate() == null ? distillation.learningRate() : d.learningRate();
      if (!(lr > 0) || lr > 1) {
        throw section.error("distillation.learning_rate", "must be in (0, 1], was " + lr);
      }
      distillation = new DistillationSettings(
          atLeast(section, d.steps(), "distillation.steps", distillation.steps(), 1),
          lr,
          atLeast(section, d.batch(), "distillation.batch", distillation.batch(), 1),
          atLeast(
              section,
              d.checkpointEvery(),
              "distillation.checkpoint_every",
              distillation.checkpointEvery(),
              0),
          d.seed() == null ? distillation.seed() : d.seed());
    }
    HeldOutSplit split = new HeldOutSplit(HeldOutSplit.DEFAULT_TRAIN, run.seed());
    Split sp = given.split();
    if (sp != null) {
      double train = sp.train() == null ? HeldOutSplit.DEFAULT_TRAIN : sp.train();
      if (!(train > 0 && train < 1)) {
        throw section.error(
            "split.train",
            "expected the share of each task's examples in the train split, strictly between 0"
                + " and 1 (e.g. 0.5), was " + train);
      }
      split = new HeldOutSplit(train, sp.seed() == null ? run.seed() : sp.seed());
    }
    ControlArm control = given.control() == null ? ControlArm.NONE : given.control();
    return new ImproveSpec(
        run, rounds, verifier, filter, update, distillation, dedup, split, control);
  }

  private static int atLeast(
      StudySection section, Integer value, String field, int defaultValue, int min) {
    if (value == null) {
      return defaultValue;
    }
    if (value < min) {
      throw section.error(field, "expected an integer >= " + min + ", was " + value);
    }
    return value;
  }

  private static String required(StudySection section, String value, String key, String what) {
    if (value == null) {
      throw section.error(key, "missing required key '" + key + "' (" + what + ")");
    }
    if (value.isBlank()) {
      throw section.error(key, "expected a non-empty string (" + what + ")");
    }
    return value;
  }

  /** The {@code improve:} section as written; absent keys are null. */
  private record Section(
      Integer rounds,
      String verifier,
      String filter,
      UpdateRule update,
      Distillation distillation,
      DedupRule dedup,
      Split split,
      ControlArm control) {}

  /** The {@code improve.split:} mapping as written; absent keys are null. */
  private record Split(Double train, Long seed) {}

  /** The {@code improve.distillation:} mapping as written; absent keys are null. */
  private record Distillation(
      Integer steps,
      @JsonProperty("learning_rate") Double learningRate,
      Integer batch,
      @JsonProperty("checkpoint_every") Integer checkpointEvery,
      Long seed) {}
}
