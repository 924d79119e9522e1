package io.gvgap.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A run spec with every name checked, every options map bound, sweeps expanded and defaults
 * applied: everything the pipeline needs, and what it writes to the run directory.
 *
 * @param name the run's name
 * @param output the run directory, relative to the working directory unless absolute
 * @param seed the run seed
 * @param models the models, in spec order
 * @param tasks the tasks, in spec order
 * @param generation the sampling settings
 * @param verifierModel the label of the model that verifies, or null when each model verifies itself
 * @param verifiers the verifiers, in spec order
 * @param filters the filters, in spec order, sweeps expanded in place
 * @param metrics the metric settings
 */
public record ResolvedRunSpec(
    String name,
    Path output,
    long seed,
    List<ResolvedModel> models,
    List<ResolvedTask> tasks,
    GenerationSettings generation,
    String verifierModel,
    List<ResolvedComponent> verifiers,
    List<ResolvedComponent> filters,
    MetricsSettingsSpec metrics) {

  /** Copies the lists so that the spec stays immutable. */
  public ResolvedRunSpec {
    models = List.copyOf(models);
    tasks = List.copyOf(tasks);
    verifiers = List.copyOf(verifiers);
    filters = List.copyOf(filters);
  }

  /** This spec with another run directory (the command line's {@code --output}). */
  public ResolvedRunSpec withOutput(Path newOutput) {
    return new ResolvedRunSpec(
        name,
        newOutput,
        seed,
        models,
        tasks,
        generation,
        verifierModel,
        verifiers,
        filters,
        metrics);
  }
}
