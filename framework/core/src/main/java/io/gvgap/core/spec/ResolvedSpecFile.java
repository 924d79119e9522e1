package io.gvgap.core.spec;

import io.gvgap.core.options.OptionValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of a run directory's {@code spec.json}: a {@link ResolvedRunSpec} with the spec's
 * snake_case keys, paths as strings and each options record as its plain options map
 * ({@code {"alpha": 0.1}}), so that the run can be understood and recreated from its directory
 * alone. {@link ResolvedSpecWriter} writes it and {@link ResolvedSpecReader} reads it, both through
 * this record.
 *
 * @param name the run's name
 * @param output the run directory as the spec resolved it
 * @param seed the run seed
 * @param models the models
 * @param tasks the tasks
 * @param generation the sampling settings
 * @param verification which model verifies
 * @param verifiers the verifiers
 * @param filters the filters, sweeps expanded
 * @param metrics the metric settings
 */
public record ResolvedSpecFile(
    String name,
    String output,
    long seed,
    List<Model> models,
    List<Task> tasks,
    GenerationSettings generation,
    Verification verification,
    List<Component> verifiers,
    List<Component> filters,
    MetricsSettingsSpec metrics) {

  /** Checks that the required parts are there and copies the lists. */
  public ResolvedSpecFile {
    requirePresent(name, "name");
    requirePresent(output, "output");
    models = List.copyOf(requirePresent(models, "models"));
    tasks = List.copyOf(requirePresent(tasks, "tasks"));
    requirePresent(generation, "generation");
    verifiers = List.copyOf(requirePresent(verifiers, "verifiers"));
    filters = List.copyOf(requirePresent(filters, "filters"));
    requirePresent(metrics, "metrics");
  }

  /**
   * A model as written.
   *
   * @param label the label results are filed under
   * @param backend the backend's provider name
   * @param options the backend's options
   */
  public record Model(String label, String backend, Map<String, Object> options) {
    /** Checks the names. */
    public Model {
      requirePresent(label, "label");
      requirePresent(backend, "backend");
      options = options == null ? Map.of() : options;
    }
  }

  /**
   * A task as written.
   *
   * @param label the label results are filed under
   * @param name the task's provider name
   * @param limit how many examples are used
   * @param seed the seed of the example subset
   * @param options the task's options
   */
  public record Task(String label, String name, int limit, long seed, Map<String, Object> options) {
    /** Checks the names. */
    public Task {
      requirePresent(label, "label");
      requirePresent(name, "name");
      options = options == null ? Map.of() : options;
    }
  }

  /**
   * A verifier or filter as written.
   *
   * @param label the label results are filed under
   * @param name the provider name
   * @param options the provider's options
   */
  public record Component(String label, String name, Map<String, Object> options) {
    /** Checks the names. */
    public Component {
      requirePresent(label, "label");
      requirePresent(name, "name");
      options = options == null ? Map.of() : options;
    }
  }

  /**
   * The {@code verification:} section.
   *
   * @param model the label of the model that verifies, or null when each model verifies itself
   */
  public record Verification(String model) {}

  /** The file form of a resolved spec. */
  public static ResolvedSpecFile of(ResolvedRunSpec spec) {
    List<Model> models = new ArrayList<>();
    spec.models().forEach(m -> models.add(new Model(m.label(), m.backend(), options(m.options()))));
    List<Task> tasks = new ArrayList<>();
    spec.tasks()
        .forEach(t ->
            tasks.add(new Task(t.label(), t.name(), t.limit(), t.seed(), options(t.options()))));
    return new ResolvedSpecFile(
        spec.name(),
        spec.output().toString(),
        spec.seed(),
        models,
        tasks,
        spec.generation(),
        new Verification(spec.verifierModel()),
        components(spec.verifiers()),
        components(spec.filters()),
        spec.metrics());
  }

  private static List<Component> components(List<ResolvedComponent> components) {
    List<Component> out = new ArrayList<>();
    components.forEach(c -> out.add(new Component(c.label(), c.name(), options(c.options()))));
    return out;
  }

  private static <T> T requirePresent(T value, String key) {
    if (value == null) {
      throw new IllegalArgumentException("missing required key '" + key + "'");
    }
    return value;
  }

  private static Map<String, Object> options(Record options) {
    return new LinkedHashMap<>(OptionValues.toMap(options));
  }

  /** The label of the verifying model, or null when each model verifies itself. */
  String verificationModel() {
    return verification == null ? null : verification.model();
  }
}
