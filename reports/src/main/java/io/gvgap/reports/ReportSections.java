package io.gvgap.reports;

import java.util.List;

/** The chart sections of a report, in page order. */
public final class ReportSections {

  private ReportSections() {}

  /**
   * The sections of a run report; the rounds and scaling sections appear only in reports of
   * improvement and scaling studies (see {@link ReportSection#onlyWhenPresent()}).
   */
  public static List<ReportSection> defaults() {
    return List.of(
        new GapCurvesSection(),
        new CorrelationSection(),
        new RocSection(),
        new CalibrationSection(),
        new PassAtKSection(),
        new DiversitySection(),
        new CurveSection(),
        new RoundsSection(),
        new ScalingSection(),
        new GridSection(),
        new DrillDownSection());
  }
}
