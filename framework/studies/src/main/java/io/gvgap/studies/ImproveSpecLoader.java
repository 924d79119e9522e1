package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
 * </pre>
 * Unknown keys are errors, as in run specs; every error names the file, line and field.
 */
public final class ImproveSpecLoader {
  private static final List<String> KEYS = List.of("rounds", "verifier", "filter", "update", "distillation", "dedup");
  private static final List<String> DISTILLATION_KEYS = List.of("steps", "learning_rate", "batch", "checkpoint_every",
      "seed");

  private ImproveSpecLoader() {
  }

  /** Reads and checks an improvement spec file. */
  public static ImproveSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SpecException(file, 1, 1, "", "cannot read the improvement spec: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Checks improvement spec text as if it were the content of {@code file}. */
  public static ImproveSpec parse(Path file, String text) {
    StudySpecText split = StudySpecText.split(file, text, "improve");
    JsonNode section = split.section();
    if (section == null || !section.isObject()) {
      throw new SpecException(file, 1, 1, "improve", "missing the 'improve' section (a mapping with keys "
          + String.join(", ", KEYS) + "); see ImproveSpecLoader's documentation for an example", null);
    }
    RunSpec run = RunSpecLoader.parse(file, split.runText());
    List<String> unknownKeys = split.unknownKeys(section, KEYS);
    if (!unknownKeys.isEmpty()) {
      throw split.error(unknownKeys.get(0), "unknown key '" + unknownKeys.get(0) + "'; allowed keys here: "
          + String.join(", ", KEYS));
    }
    int rounds = integer(split, section, "rounds", 2, 1);
    String verifier = requiredString(split, section, "verifier", "the label of the verifier whose kept samples are"
        + " distilled");
    String filter = requiredString(split, section, "filter", "the label of the filter whose kept samples are distilled,"
        + " e.g. quantile(alpha=0.25)");
    String updateText = section.has("update") ? section.get("update").asText() : "continue";
    UpdateRule update;
    try {
      update = UpdateRule.valueOf(updateText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw split.error("update", "must be continue or restart, was '" + updateText + "'");
    }
    String dedupText = section.has("dedup") ? section.get("dedup").asText() : "exact";
    DedupRule dedup;
    try {
      dedup = DedupRule.valueOf(dedupText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw split.error("dedup", "must be exact or near, was '" + dedupText + "'");
    }
    JsonNode d = section.get("distillation");
    DistillationSettings distillation = new DistillationSettings(50, 3e-4, 16, 25, run.seed());
    if (d != null && !d.isNull()) {
      if (!d.isObject()) {
        throw split.error("distillation", "expected a mapping with keys " + String.join(", ", DISTILLATION_KEYS));
      }
      List<String> unknownDistillation = split.unknownKeys(d, DISTILLATION_KEYS);
      if (!unknownDistillation.isEmpty()) {
        throw split.error("distillation." + unknownDistillation.get(0), "unknown key '" + unknownDistillation.get(0)
            + "'; allowed keys here: " + String.join(", ", DISTILLATION_KEYS));
      }
      double lr = d.has("learning_rate") ? number(split, d, "distillation.learning_rate") : distillation.learningRate();
      if (!(lr > 0) || lr > 1) {
        throw split.error("distillation.learning_rate", "must be in (0, 1], was " + lr);
      }
      distillation = new DistillationSettings(integer(split, d, "distillation.steps", distillation.steps(), 1), lr,
          integer(split, d, "distillation.batch", distillation.batch(), 1),
          integer(split, d, "distillation.checkpoint_every", distillation.checkpointEvery(), 0),
          d.has("seed") ? integer(split, d, "distillation.seed", 0, Integer.MIN_VALUE) : distillation.seed());
    }
    return new ImproveSpec(run, rounds, verifier, filter, update, distillation, dedup);
  }

  private static JsonNode field(JsonNode node, String path) {
    return node.get(path.substring(path.lastIndexOf('.') + 1));
  }

  private static int integer(StudySpecText split, JsonNode node, String path, int defaultValue, int min) {
    JsonNode value = field(node, path);
    if (value == null || value.isNull()) {
      return defaultValue;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min) {
      throw split.error(path, "expected an integer >= " + min + ", was " + value);
    }
    return value.asInt();
  }

  private static double number(StudySpecText split, JsonNode node, String path) {
    JsonNode value = field(node, path);
    if (!value.isNumber()) {
      throw split.error(path, "expected a number, was " + value);
    }
    return value.asDouble();
  }

  private static String requiredString(StudySpecText split, JsonNode node, String key, String what) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw split.error(key, "missing required key '" + key + "' (" + what + ")");
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw split.error(key, "expected a non-empty string (" + what + "), was " + value);
    }
    return value.asText();
  }
}
