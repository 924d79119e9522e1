package io.gvgap.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A run spec as loaded: its fixed sections checked and defaulted, its plugin names and options not
 * yet checked against the plugins ({@link RunSpecResolver} does that). Keeps the parsed nodes so
 * that later errors can still name a line.
 *
 * @param file the spec file as the user named it
 * @param root the parsed document
 * @param name the run's name (default: the file name without extension)
 * @param output the run directory (default: {@code runs/<name>})
 * @param seed the run seed (default 0)
 * @param models the {@code models:} items
 * @param tasks the {@code tasks:} items
 * @param generation the sampling settings
 * @param verificationModel the {@code verification.model} label, or null for the generator itself
 * @param verifiers the {@code verifiers:} items
 * @param filters the {@code filters:} items
 * @param metrics the metric settings
 */
public record RunSpec(
    Path file,
    SpecNode root,
    String name,
    Path output,
    long seed,
    List<SpecEntry> models,
    List<TaskSpec> tasks,
    GenerationSettings generation,
    String verificationModel,
    List<SpecEntry> verifiers,
    List<SpecEntry> filters,
    MetricsSettingsSpec metrics) {

  /** Copies the lists. */
  public RunSpec {
    models = List.copyOf(models);
    tasks = List.copyOf(tasks);
    verifiers = List.copyOf(verifiers);
    filters = List.copyOf(filters);
  }
}
