package io.gvgap.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.options.OptionsBinder;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.ProviderCatalog;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.RunStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code spec.json} that {@link ResolvedSpecWriter} put into a run directory back into a
 * {@link ResolvedRunSpec}, binding each component's options again with the plugins at hand, so that
 * metrics and reports can be recomputed from the run directory alone.
 */
public final class ResolvedSpecReader {

  private ResolvedSpecReader() {
  }

  /**
   * Reads {@code file}.
   *
   * @throws RunStoreException when the file is missing or not a resolved spec
   */
  public static ResolvedRunSpec read(Path file, PluginRegistry registry) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new RunStoreException(file + ": cannot read the run's resolved spec (" + e.getMessage() + ")", e);
    }
    try {
      List<ResolvedModel> models = new ArrayList<>();
      for (JsonNode m : root.withArray("models")) {
        models.add(new ResolvedModel(m.get("label").asText(), m.get("backend").asText(),
            bind(registry.backends(), m.get("backend").asText(), m.get("options"))));
      }
      List<ResolvedTask> tasks = new ArrayList<>();
      for (JsonNode t : root.withArray("tasks")) {
        tasks.add(new ResolvedTask(t.get("label").asText(), t.get("name").asText(), t.get("limit").asInt(),
            t.get("seed").asLong(), bind(registry.tasks(), t.get("name").asText(), t.get("options"))));
      }
      JsonNode g = root.get("generation");
      GenerationSettings generation = new GenerationSettings(g.get("samples").asInt(), g.get("temperature").asDouble(),
          g.get("top_p").asDouble(), g.get("top_k").asInt(), g.get("max_tokens").asInt(),
          g.get("batch_examples").asInt());
      JsonNode judge = root.path("verification").path("model");
      JsonNode mt = root.get("metrics");
      List<Integer> passAtK = new ArrayList<>();
      mt.withArray("pass_at_k").forEach(k -> passAtK.add(k.asInt()));
      MetricsSettingsSpec metrics = new MetricsSettingsSpec(mt.get("bootstrap").asInt(), mt.get("confidence").asDouble(),
          passAtK, mt.get("empty_kept").asText());
      return new ResolvedRunSpec(root.get("name").asText(), Path.of(root.get("output").asText()), root.get("seed").asLong(),
          models, tasks, generation, judge.isNull() || judge.isMissingNode() ? null : judge.asText(),
          components(registry.verifiers(), root.withArray("verifiers")),
          components(registry.filters(), root.withArray("filters")), metrics);
    } catch (NullPointerException | IllegalArgumentException e) {
      throw new RunStoreException(file + ": not a gvgap resolved spec (" + e.getMessage() + ")", e);
    }
  }

  private static List<ResolvedComponent> components(ProviderCatalog<?> catalog, JsonNode array) {
    List<ResolvedComponent> out = new ArrayList<>();
    for (JsonNode c : array) {
      out.add(new ResolvedComponent(c.get("label").asText(), c.get("name").asText(),
          bind(catalog, c.get("name").asText(), c.get("options"))));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Record bind(ProviderCatalog<?> catalog, String name, JsonNode options) {
    Map<String, Object> values = options == null || options.isNull() ? new LinkedHashMap<>()
        : Json.mapper().convertValue(options, Map.class);
    return OptionsBinder.bind(catalog.optionsType(name), values);
  }
}
