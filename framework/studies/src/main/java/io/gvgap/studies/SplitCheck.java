package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.results.SplitRecord;
import io.gvgap.core.results.TaskSplit;
import java.nio.file.Path;

/**
 * Refuses to resume an improvement study whose recorded split ({@code rounds.json}) differs from
 * the spec's: the models already distilled were trained on the recorded train split, so evaluating
 * them on another evaluation split would test them on prompts they were trained on.
 */
final class SplitCheck {

  private SplitCheck() {}

  /**
   * Checks the spec's split settings against {@code rounds.json} (its tree, null when absent).
   *
   * @throws StudyException when they differ, or when the study was written without a split
   */
  static void settings(Path file, JsonNode recorded, HeldOutSplit split) {
    if (recorded == null) {
      return;
    }
    JsonNode node = recorded.get("split");
    JsonNode rounds = recorded.get("rounds");
    if (node == null || node.isNull()) {
      if (rounds != null && !rounds.isEmpty()) {
        throw new StudyException(file + " records rounds but no held-out split: the study was"
            + " made by a gvgap that distilled and evaluated the same prompts. Its models cannot"
            + " be evaluated on held-out prompts; run the spec into a new output directory (-o)");
      }
      return;
    }
    double train = node.path("train").asDouble(Double.NaN);
    long seed = node.path("seed").asLong();
    if (Double.compare(train, split.train()) != 0 || seed != split.seed()) {
      throw new StudyException(file + ": this study's split is improve.split {train: " + train
          + ", seed: " + seed + "}, the spec asks for {train: " + split.train() + ", seed: "
          + split.seed() + "}. Its models were distilled from the recorded train split, so a"
          + " changed split would evaluate them on prompts they were trained on; restore"
          + " improve.split or run the spec into a new output directory (-o)");
    }
  }

  /**
   * Checks the split computed from round 0's examples against the recorded one, task by task.
   *
   * @throws StudyException naming the task whose train or evaluation ids differ
   */
  static void ids(Path file, JsonNode recorded, SplitRecord split) {
    JsonNode node = recorded == null ? null : recorded.get("split");
    if (node == null || node.isNull()) {
      return;
    }
    for (JsonNode task : node.path("tasks")) {
      String label = task.path("task").asText();
      TaskSplit now =
          split.tasks().stream().filter(t -> t.task().equals(label)).findFirst().orElse(null);
      if (now == null
          || !now.trainHash().equals(task.path("trainHash").asText())
          || !now.evalHash().equals(task.path("evalHash").asText())) {
        throw new StudyException(file + ": task '" + label + "' was split into "
            + task.path("trainSize").asInt() + " train and "
            + task.path("evalSize").asInt()
            + " evaluation examples (train ids SHA-256 "
            + task.path("trainHash").asText()
            + "); round 0's examples now split "
            + (now == null
                ? "without this task"
                : "into " + now.trainSize() + " and " + now.evalSize() + " (SHA-256 "
                    + now.trainHash() + ")")
            + ". The task's examples changed (limit, seed or options); restore them or run the"
            + " spec into a new output directory (-o)");
      }
    }
  }
}
