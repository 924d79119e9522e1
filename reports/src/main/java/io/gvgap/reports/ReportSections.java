package io.gvgap.reports;

import java.util.List;

/** The chart sections of a report, in page order. */
public final class ReportSections {

  private ReportSections() {
  }

  /**
   * The sections of a run report. Improvement rounds and scaling studies will add theirs here (see
   * {@link ReportSection}).
   */
  public static List<ReportSection> defaults() {
    return List.of(new GapCurvesSection(), new CorrelationSection(), new RocSection(), new CalibrationSection(),
        new PassAtKSection(), new DiversitySection(), new DrillDownSection());
  }
}
