package io.gvgap.core.results;

import java.util.List;

/**
 * The contents of a run's {@code diversity.json}: effective diversity per model and task, written
 * by the sample index at the end of a run and read by the report.
 *
 * @param groups one summary per (model, task), in the order the run stored them
 */
public record DiversityFile(List<DiversitySummary> groups) {

  /** The file name inside a run directory. */
  public static final String FILE = "diversity.json";

  /** Copies the list. */
  public DiversityFile {
    groups = List.copyOf(groups);
  }
}
