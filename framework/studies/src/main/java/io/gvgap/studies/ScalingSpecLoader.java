package io.gvgap.studies;

import io.gvgap.core.files.FileProblems;
import io.gvgap.core.files.TextFiles;
import io.gvgap.core.spec.RunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
  private ScalingSpecLoader() {}

  /** Reads and checks a scaling spec file. */
  public static ScalingSpec load(Path file) {
    try {
      return parse(file, TextFiles.readUtf8(file));
    } catch (IOException e) {
      throw new SpecException(
          file, 1, 1, "", "cannot read the scaling spec: " + FileProblems.explain(file, e), e);
    }
  }

  /** Checks scaling spec text as if it were the content of {@code file}. */
  public static ScalingSpec parse(Path file, String text) {
    RunSpec run = RunSpecLoader.parse(file, text, "scaling");
    StudySection section = StudySection.of(run, "scaling");
    Section given = section.bind(text, Section.class);
    Map<String, Double> flops = new LinkedHashMap<>();
    Double confidence = null;
    if (given != null) {
      if (given.flops() != null) {
        for (Map.Entry<String, Double> entry : given.flops().entrySet()) {
          Double value = entry.getValue();
          if (value == null || !(value > 0) || Double.isInfinite(value)) {
            throw section.error(
                "flops." + entry.getKey(),
                "pre-training FLOPs must be a positive number, was " + value);
          }
          flops.put(entry.getKey(), value);
        }
      }
      if (given.confidence() != null) {
        if (!(given.confidence() > 0 && given.confidence() < 1)) {
          throw section.error(
              "confidence", "must be a number in (0, 1), was " + given.confidence());
        }
        confidence = given.confidence();
      }
    }
    return new ScalingSpec(run, flops, confidence);
  }

  /** The {@code scaling:} section as written; absent keys are null. */
  private record Section(Map<String, Double> flops, Double confidence) {}
}
