package io.gvgap.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A run spec's fixed sections as Jackson binds them (keys in snake_case, unknown keys rejected);
 * {@link RunSpecLoader} checks what binding cannot (required names, non-empty lists, the run name)
 * and builds the {@link RunSpec}. Plugin options stay trees here: {@link RunSpecResolver} binds
 * them to each provider's record.
 */
record SpecDocument(
    String name,
    String output,
    Long seed,
    List<ModelItem> models,
    List<TaskItem> tasks,
    GenerationSettings generation,
    Verification verification,
    List<VerifierItem> verifiers,
    List<FilterItem> filters,
    MetricsSettingsSpec metrics) {

  /** An item of {@code models:}. */
  record ModelItem(String label, String backend, JsonNode options) {}

  /** An item of {@code tasks:}; a limit is at least 1. */
  record TaskItem(String name, String label, Integer limit, Long seed, JsonNode options) {
    TaskItem {
      if (limit != null && limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1, was " + limit);
      }
    }
  }

  /** The {@code verification:} section. */
  record Verification(String model) {}

  /** An item of {@code verifiers:}. */
  record VerifierItem(String name, String label, JsonNode options) {}

  /** An item of {@code filters:}. */
  record FilterItem(String name, String label, JsonNode options, JsonNode sweep) {}
}
