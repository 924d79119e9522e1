package io.gvgap.studies;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.files.FileProblems;
import io.gvgap.core.files.TextFiles;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a scaling spec: a run spec whose models are the family, with an optional section
 * <pre>
 * scaling:
 *   flops: {tiny-1: 1.2e12}   # pre-training FLOPs per model label; others come from gvgap-model.json
 *   confidence: 0.9           # the slope interval's level (default: metrics.confidence)
 * </pre>
 */
public final class ScalingSpecLoader {
  private static final List<String> KEYS = List.of("flops", "confidence");

  private ScalingSpecLoader() {
  }

  /** Reads and checks a scaling spec file. */
  public static ScalingSpec load(Path file) {
    try {
      return parse(file, TextFiles.readUtf8(file));
    } catch (IOException e) {
      throw new SpecException(file, 1, 1, "", "cannot read the scaling spec: " + FileProblems.explain(file, e), e);
    }
  }

  /** Checks scaling spec text as if it were the content of {@code file}. */
  public static ScalingSpec parse(Path file, String text) {
    StudySpecText split = StudySpecText.split(file, text, "scaling");
    RunSpec run = RunSpecLoader.parse(file, split.runText());
    JsonNode section = split.section();
    Map<String, Double> flops = new LinkedHashMap<>();
    Double confidence = null;
    if (section != null) {
      if (!section.isObject()) {
        throw split.error("", "expected a mapping with keys " + String.join(", ", KEYS));
      }
      List<String> unknown = split.unknownKeys(section, KEYS);
      if (!unknown.isEmpty()) {
        throw split.error(unknown.get(0), "unknown key '" + unknown.get(0) + "'; allowed keys here: "
            + String.join(", ", KEYS));
      }
      JsonNode given = section.get("flops");
      if (given != null && !given.isNull()) {
        if (!given.isObject()) {
          throw split.error("flops", "expected a mapping of model labels to pre-training FLOPs, such as {tiny: 1.0e12}");
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) given::fields) {
          JsonNode value = entry.getValue();
          if (!value.isNumber() || !(value.asDouble() > 0) || Double.isInfinite(value.asDouble())) {
            throw split.error("flops." + entry.getKey(), "pre-training FLOPs must be a positive number, was " + value);
          }
          flops.put(entry.getKey(), value.asDouble());
        }
      }
      JsonNode level = section.get("confidence");
      if (level != null && !level.isNull()) {
        if (!level.isNumber() || !(level.asDouble() > 0 && level.asDouble() < 1)) {
          throw split.error("confidence", "must be a number in (0, 1), was " + level);
        }
        confidence = level.asDouble();
      }
    }
    return new ScalingSpec(run, flops, confidence);
  }
}
