package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One chart section of the report, drawn in the browser from data embedded as JSON. To add a
 * section (e.g. improvement rounds or a scaling study): implement this interface, add it to
 * {@link ReportSections#defaults()}, and add a renderer with the same {@link #id()} to the
 * {@code renderers} table of {@code report.js}.
 */
public interface ReportSection {

  /** The section's id: its anchor and the name of its renderer in {@code report.js}. */
  String id();

  /** The section's heading. */
  String title();

  /** What the section shows, linked from its heading. */
  Definition definition();

  /**
   * The section's data for one run (plain JSON: numbers, strings, arrays, objects; undefined numbers
   * as null), or null when the run has nothing for it, e.g. no metrics yet.
   */
  JsonNode data(RunGroups run);

  /**
   * Whether the section is left out of a report in which no run has data for it (study sections:
   * an ordinary run has no rounds or scaling fits, and an empty heading would only puzzle).
   */
  default boolean onlyWhenPresent() {
    return false;
  }
}
