package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.results.LineFit;
import io.gvgap.core.results.ScalingPoint;
import io.gvgap.core.results.SeedGroup;
import io.gvgap.core.results.SeedSpread;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed groups, pooled seed sd and the line through one mean per size, against hand-computed values. */
class SeedSpreadsTest {

  private static ScalingPoint point(String model, double flops, double value) {
    return new ScalingPoint(model, flops, Math.log10(flops), value, value - 0.1, value + 0.1);
  }

  @Test
  void groupsModelsWithEqualFlopsAndPoolsTheirSpread() {
    List<ScalingPoint> points = List.of(
        point("a1", 1e12, 0.2),
        point("b", 1e13, 0.5),
        point("a2", 1e12, 0.4),
        point("c1", 1e14, 0.6),
        point("c2", 1e14 * (1 + 1e-12), 0.8), // a card's 6ND rounded differently: the same size
        point("c3", 1e14, Double.NaN));
    LineFit ordinary = LeastSquares.fit(
        points.stream().mapToDouble(ScalingPoint::log10Flops).toArray(),
        points.stream().mapToDouble(ScalingPoint::value).toArray(),
        0.95);
    // by hand: x mean 13, y mean 0.5, Sxx 4, Sxy 0.8
    assertThat(ordinary.slope()).isCloseTo(0.2, within(1e-12));

    SeedSpread spread = SeedSpreads.of(points, ordinary, 0.95);

    assertThat(spread.groups())
        .extracting(SeedGroup::models)
        .containsExactly(List.of("a1", "a2"), List.of("b"), List.of("c1", "c2", "c3"));
    SeedGroup small = spread.groups().get(0);
    assertThat(small.mean()).isCloseTo(0.3, within(1e-12));
    assertThat(small.sd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
    assertThat(small.min()).isEqualTo(0.2);
    assertThat(small.max()).isEqualTo(0.4);
    assertThat(spread.groups().get(1).sd()).isNaN();
    SeedGroup large = spread.groups().get(2);
    assertThat(large.defined()).isEqualTo(2);
    assertThat(large.mean()).isCloseTo(0.7, within(1e-12));
    // pooled: (0.02 + 0.02) / (1 + 1)
    assertThat(spread.pooledSd()).isCloseTo(Math.sqrt(0.02), within(1e-12));
    assertThat(spread.degreesOfFreedom()).isEqualTo(2);
    // one mean per size: (12, 0.3), (13, 0.5), (14, 0.7), slope 0.2 on three points
    assertThat(spread.meansFit().points()).isEqualTo(3);
    assertThat(spread.meansFit().slope()).isCloseTo(0.2, within(1e-12));
    assertThat(spread.meansFit().intercept()).isCloseTo(-2.1, within(1e-9));
    assertThat(spread.changeOverSpan()).isCloseTo(0.4, within(1e-9));
    assertThat(spread.note())
        .startsWith("2 of 3 sizes have several seeds; pooled seed sd 0.141 on 2");
    assertThat(spread.note()).doesNotContain("within what the seed alone moves");
  }

  @Test
  void saysWhenNoSizeHasTwoSeedsAndWhenTheTrendIsWithinTheSeedSpread() {
    List<ScalingPoint> single = List.of(point("a", 1e12, 0.1), point("b", 1e13, 0.2));
    LineFit line = LeastSquares.fit(new double[] {12, 13}, new double[] {0.1, 0.2}, 0.95);
    SeedSpread none = SeedSpreads.of(single, line, 0.95);
    assertThat(none.pooledSd()).isNaN();
    assertThat(none.degreesOfFreedom()).isZero();
    assertThat(none.note()).contains("not measured");

    List<ScalingPoint> noisy =
        List.of(point("a1", 1e12, 0.0), point("a2", 1e12, 0.4), point("b", 1e13, 0.25));
    LineFit flat = LeastSquares.fit(new double[] {12, 12, 13}, new double[] {0.0, 0.4, 0.25}, 0.95);
    SeedSpread spread = SeedSpreads.of(noisy, flat, 0.95);
    // by hand: x mean 37/3, y mean 0.65/3; Sxy = 0.0722 - 0.0611 + 0.0222 = 1/30, Sxx = 2/3: slope
    // 0.05
    assertThat(flat.slope()).isCloseTo(0.05, within(1e-12));
    assertThat(spread.pooledSd()).isCloseTo(Math.sqrt(0.08), within(1e-12));
    assertThat(spread.note()).contains("within what the seed alone moves");
  }
}
