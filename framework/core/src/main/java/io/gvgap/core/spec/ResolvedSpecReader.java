package io.gvgap.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gvgap.core.input.InputFileException;
import io.gvgap.core.input.JsonFiles;
import io.gvgap.core.options.OptionsBinder;
import io.gvgap.core.options.OptionsException;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.ProviderCatalog;
import io.gvgap.core.store.RunStoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code spec.json} that {@link ResolvedSpecWriter} put into a run directory back into a
 * {@link ResolvedRunSpec}: the file is bound to its record {@link ResolvedSpecFile} (every key
 * required, unknown keys rejected), then each component's options are bound again with the plugins
 * at hand, so that metrics and reports can be recomputed from the run directory alone.
 */
public final class ResolvedSpecReader {

  private ResolvedSpecReader() {}

  /**
   * Reads {@code file}.
   *
   * @throws RunStoreException when the file is missing or not a resolved spec, naming the line and field
   */
  public static ResolvedRunSpec read(Path file, PluginRegistry registry) {
    ResolvedSpecFile json;
    try {
      json = JsonFiles.readComplete(file, ResolvedSpecFile.class);
    } catch (InputFileException e) {
      boolean unreadable = !(e.getCause() instanceof JsonProcessingException);
      throw new RunStoreException(
          unreadable
              ? "cannot read the run's resolved spec: " + e.getMessage()
              : e.getMessage() + " (this is not a gvgap resolved spec as gvgap run writes it)",
          e);
    }
    List<ResolvedModel> models = new ArrayList<>();
    for (int i = 0; i < json.models().size(); i++) {
      ResolvedSpecFile.Model m = json.models().get(i);
      models.add(new ResolvedModel(
          m.label(),
          m.backend(),
          bind(file, "models[" + i + "]", registry.backends(), m.backend(), m.options())));
    }
    List<ResolvedTask> tasks = new ArrayList<>();
    for (int i = 0; i < json.tasks().size(); i++) {
      ResolvedSpecFile.Task t = json.tasks().get(i);
      tasks.add(new ResolvedTask(
          t.label(),
          t.name(),
          t.limit(),
          t.seed(),
          bind(file, "tasks[" + i + "]", registry.tasks(), t.name(), t.options())));
    }
    return new ResolvedRunSpec(
        json.name(),
        Path.of(json.output()),
        json.seed(),
        models,
        tasks,
        json.generation(),
        json.verificationModel(),
        components(file, "verifiers", registry.verifiers(), json.verifiers()),
        components(file, "filters", registry.filters(), json.filters()),
        json.metrics());
  }

  private static List<ResolvedComponent> components(
      Path file,
      String key,
      ProviderCatalog<?> catalog,
      List<ResolvedSpecFile.Component> components) {
    List<ResolvedComponent> out = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      ResolvedSpecFile.Component c = components.get(i);
      out.add(new ResolvedComponent(
          c.label(), c.name(), bind(file, key + "[" + i + "]", catalog, c.name(), c.options())));
    }
    return out;
  }

  private static Record bind(
      Path file,
      String path,
      ProviderCatalog<?> catalog,
      String name,
      Map<String, Object> options) {
    try {
      return OptionsBinder.bind(catalog.optionsType(name), options);
    } catch (OptionsException e) {
      String field = e.fieldPath().isEmpty() ? "" : "." + e.fieldPath();
      throw new RunStoreException(
          file + ": " + path + ".options" + field + ": " + e.problem() + " (the options of '" + name
              + "' do not fit the plugin at hand; was the run made with another version?)",
          e);
    }
  }
}
