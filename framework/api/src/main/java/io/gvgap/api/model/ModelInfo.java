package io.gvgap.api.model;

import io.gvgap.api.Stable;
import java.util.Map;
import java.util.Objects;

/**
 * What a model is, as recorded in run directories and reports.
 *
 * @param name a readable name (directory name, served model id)
 * @param parameters number of parameters, or -1 when unknown
 * @param contextLength maximum tokens of prompt plus completion, or -1 when unknown
 * @param properties further facts (pre-training FLOPs, tokens seen, execution provider), never null
 */
@Stable
public record ModelInfo(
    String name, long parameters, int contextLength, Map<String, String> properties) {
  /** Validates and copies the fields. */
  public ModelInfo {
    Objects.requireNonNull(name, "name");
    properties = Map.copyOf(properties == null ? Map.of() : properties);
  }
}
