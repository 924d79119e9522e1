package io.gvgap.studies;

import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.ScalingPoint;
import io.gvgap.core.results.SeedGroup;
import io.gvgap.core.results.SeedSpread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a scaling fit's {@link SeedSpread}: models with equal pre-training FLOPs (one shape, several
 * training seeds) are grouped; each group's mean, standard deviation and range, the pooled seed
 * standard deviation, and a least-squares line through one mean per size.
 */
final class SeedSpreads {
  /** FLOPs closer than this relative difference are one size (the cards write 6·N·D as a double). */
  static final double SAME_FLOPS = 1e-9;

  private SeedSpreads() {}

  /**
   * The spread of {@code points} (undefined values count in a group's models but not in its
   * statistics), with {@code ordinary} the fit through all defined points.
   */
  static SeedSpread of(List<ScalingPoint> points, LineFit ordinary, double confidence) {
    Map<Double, List<ScalingPoint>> bySize = new TreeMap<>();
    for (ScalingPoint p : points) {
      Double key = bySize.keySet().stream()
          .filter(f -> Math.abs(f - p.flops()) <= SAME_FLOPS * Math.max(f, p.flops()))
          .findFirst()
          .orElse(p.flops());
      bySize.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<SeedGroup> groups = new ArrayList<>();
    double within = 0;
    int dof = 0;
    int repeated = 0;
    List<Double> meanX = new ArrayList<>();
    List<Double> meanY = new ArrayList<>();
    double lowX = Double.NaN;
    double highX = Double.NaN;
    for (Map.Entry<Double, List<ScalingPoint>> e : bySize.entrySet()) {
      List<ScalingPoint> group = e.getValue();
      double[] values = group.stream()
          .mapToDouble(ScalingPoint::value)
          .filter(v -> !Double.isNaN(v))
          .toArray();
      double mean = Double.NaN;
      double sd = Double.NaN;
      double min = Double.NaN;
      double max = Double.NaN;
      if (values.length > 0) {
        mean = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
          mean += v;
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        mean /= values.length;
        double squares = 0;
        for (double v : values) {
          squares += (v - mean) * (v - mean);
        }
        if (values.length > 1) {
          sd = Math.sqrt(squares / (values.length - 1));
          within += squares;
          dof += values.length - 1;
          repeated++;
        }
        double x = Math.log10(e.getKey());
        meanX.add(x);
        meanY.add(mean);
        lowX = Double.isNaN(lowX) ? x : Math.min(lowX, x);
        highX = Double.isNaN(highX) ? x : Math.max(highX, x);
      }
      groups.add(new SeedGroup(
          e.getKey(),
          group.stream().map(ScalingPoint::model).toList(),
          mean,
          sd,
          min,
          max,
          values.length));
    }
    double pooled = dof > 0 ? Math.sqrt(within / dof) : Double.NaN;
    LineFit means = LeastSquares.fit(
        meanX.stream().mapToDouble(Double::doubleValue).toArray(),
        meanY.stream().mapToDouble(Double::doubleValue).toArray(),
        confidence);
    double change = ordinary.slope() * (highX - lowX);
    String note;
    if (repeated == 0) {
      note = "no size has two seeds with a defined value: the seed spread is not measured here";
    } else {
      note = String.format(
          Locale.ROOT,
          "%d of %d sizes have several seeds; pooled seed sd %.3f on %d degrees of freedom, against a"
              + " fitted change of %+.3f over the %.2f decades the sizes span%s",
          repeated,
          meanX.size(),
          pooled,
          dof,
          change,
          highX - lowX,
          Math.abs(change) < 2 * pooled
              ? " (less than two seed sds: the trend is within what the seed alone moves)"
              : "");
    }
    return new SeedSpread(groups, pooled, dof, means, change, note);
  }
}
