package io.gvgap.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.options.OptionValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link ResolvedRunSpec} as JSON for the run directory, with the spec's own snake_case
 * keys, paths as strings and each options record as its options ({@code {"alpha": 0.1}}), so that a
 * run can be understood and recreated from its directory alone.
 */
public final class ResolvedSpecWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResolvedSpecWriter() {
  }

  /** The resolved spec as pretty-printed JSON text ending in a newline. */
  public static String toJson(ResolvedRunSpec spec) {
    try {
      return MAPPER.writeValueAsString(toTree(spec)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the resolved spec as JSON", e);
    }
  }

  /** Writes {@link #toJson} to a file (UTF-8), replacing it. */
  public static void write(ResolvedRunSpec spec, Path file) {
    try {
      Files.writeString(file, toJson(spec), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the resolved spec to " + file, e);
    }
  }

  /** The resolved spec as a JSON tree. */
  public static ObjectNode toTree(ResolvedRunSpec spec) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("name", spec.name());
    root.put("output", spec.output().toString());
    root.put("seed", spec.seed());
    ArrayNode models = root.putArray("models");
    for (ResolvedModel model : spec.models()) {
      ObjectNode node = models.addObject();
      node.put("label", model.label());
      node.put("backend", model.backend());
      node.set("options", options(model.options()));
    }
    ArrayNode tasks = root.putArray("tasks");
    for (ResolvedTask task : spec.tasks()) {
      ObjectNode node = tasks.addObject();
      node.put("label", task.label());
      node.put("name", task.name());
      node.put("limit", task.limit());
      node.put("seed", task.seed());
      node.set("options", options(task.options()));
    }
    GenerationSettings generation = spec.generation();
    ObjectNode generationNode = root.putObject("generation");
    generationNode.put("samples", generation.samples());
    generationNode.put("temperature", generation.temperature());
    generationNode.put("top_p", generation.topP());
    generationNode.put("top_k", generation.topK());
    generationNode.put("max_tokens", generation.maxTokens());
    generationNode.put("batch_examples", generation.batchExamples());
    root.putObject("verification").put("model", spec.verifierModel());
    root.set("verifiers", components(spec.verifiers()));
    root.set("filters", components(spec.filters()));
    MetricsSettingsSpec metrics = spec.metrics();
    ObjectNode metricsNode = root.putObject("metrics");
    metricsNode.put("bootstrap", metrics.bootstrap());
    metricsNode.put("confidence", metrics.confidence());
    ArrayNode passAtK = metricsNode.putArray("pass_at_k");
    metrics.passAtK().forEach(passAtK::add);
    metricsNode.put("empty_kept", metrics.emptyKept());
    return root;
  }

  private static ArrayNode components(List<ResolvedComponent> components) {
    ArrayNode array = MAPPER.createArrayNode();
    for (ResolvedComponent component : components) {
      ObjectNode node = array.addObject();
      node.put("label", component.label());
      node.put("name", component.name());
      node.set("options", options(component.options()));
    }
    return array;
  }

  private static JsonNode options(Record options) {
    return MAPPER.valueToTree(OptionValues.toMap(options));
  }
}
