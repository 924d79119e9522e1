package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.GroupMetrics;
import io.gvgap.core.metrics.MetricsSettings;
import io.gvgap.core.metrics.StrategyMetrics;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.ScalingFile;
import io.gvgap.core.results.ScalingFit;
import io.gvgap.core.results.ScalingModel;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.store.GroupResult;
import io.gvgap.core.store.RunMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLOPs from the spec and from model cards, and the fits of scaling.json against hand-computed lines. */
class ScalingStudyTest {

  @TempDir
  Path dir;

  private ScalingSpec spec(String scalingSection) throws Exception {
    for (String m : List.of("small", "medium", "large")) {
      Files.createDirectories(dir.resolve(m));
    }
    // Only medium and large have cards; small's FLOPs come from the spec.
    Files.writeString(
        dir.resolve("medium/gvgap-model.json"),
        "{\"parameters\": 10, \"pretrainingFlops\": 1.0e11}");
    Files.writeString(dir.resolve("large/gvgap-model.json"), "{\"pretrainingFlops\": \"1.0e12\"}");
    String text = """
        name: family
        models:
          - {label: small, backend: onnx, options: {path: "%1$s/small"}}
          - {label: medium, backend: onnx, options: {path: "%1$s/medium"}}
          - {label: large, backend: onnx, options: {path: "%1$s/large"}}
        tasks: [{name: arithmetic, limit: 2}]
        %2$s
        verifiers: [{name: oracle}]
        filters: [{name: quantile}]
        """.formatted(dir.toString().replace("\\", "/"), scalingSection);
    return ScalingSpecLoader.parse(dir.resolve("family.yaml"), text);
  }

  private static StrategyMetrics strategy(double relativeGapPooled) {
    Estimate e = new Estimate(relativeGapPooled, relativeGapPooled - 0.1, relativeGapPooled + 0.1);
    Estimate none = Estimate.undefined();
    return new StrategyMetrics(
        "oracle", "quantile", 2, none, none, none, none, e, 0, 0, 0.5, 1, 1, 1, 0);
  }

  private static GroupResult group(String model, double relativeGapPooled) {
    return new GroupResult(
        model,
        "arithmetic",
        0,
        new GroupMetrics(
            2,
            8,
            Estimate.undefined(),
            0,
            1,
            List.of(),
            List.of(),
            List.of(strategy(relativeGapPooled)),
            List.of()));
  }

  @Test
  void readsFlopsFromTheSpecAndCardsThenFitsLogFlops() throws Exception {
    ScalingSpec spec = spec("scaling:\n  flops: {small: 1.0e10}\n  confidence: 0.9");
    PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
    ResolvedRunSpec resolved =
        RunSpecResolver.resolve(spec.run(), registry, dir.resolve("family.yaml"));
    List<ScalingModel> models = ScalingStudy.flops(spec, resolved);
    assertThat(models).extracting(ScalingModel::flops).containsExactly(1e10, 1e11, 1e12);
    assertThat(models.get(0).source()).isEqualTo("spec");

    RunMetrics metrics = new RunMetrics(
        "family", false, List.of(group("small", 0.1), group("medium", 0.3), group("large", 0.2)));
    // No per-prompt records here: the ordinary fit alone (the resampled statistics are tested in
    // ScalingStatisticsTest).
    ScalingFile file = ScalingStudy.analyse(
        "family",
        dir,
        metrics,
        Map.of(),
        MetricsSettings.defaults(),
        models,
        spec.confidence(),
        null);
    assertThat(dir.resolve(ScalingFile.FILE)).exists();
    ScalingFit pooled = file.fits().stream()
        .filter(f -> f.measure().equals("relative-gap-pooled"))
        .findFirst()
        .orElseThrow();
    // x = 10, 11, 12; y = 0.1, 0.3, 0.2. Sxx = 2, Sxy = (-1)(-0.1) + 0 + (1)(0) = 0.1: slope 0.05,
    // intercept 0.2 - 0.05*11 = -0.35. Residuals -0.05, 0.1, -0.05: SSE 0.015; SST 0.02; R² = 0.25.
    // SE(slope) = sqrt(0.015 / 1 / 2) = 0.0866025; t_{0.95, 1} = 6.313751515: half-width 0.546786.
    assertThat(pooled.fit().slope()).isCloseTo(0.05, within(1e-12));
    assertThat(pooled.fit().intercept()).isCloseTo(-0.35, within(1e-10));
    assertThat(pooled.fit().rSquared()).isCloseTo(0.25, within(1e-12));
    assertThat(pooled.fit().slopeUpper())
        .isCloseTo(0.05 + 6.313751515 * Math.sqrt(0.0075), within(1e-7));
    // Each point carries its model's interval (value ± 0.1 here).
    assertThat(pooled.points().get(1).lower()).isCloseTo(0.2, within(1e-12));
    assertThat(pooled.points().get(2).upper()).isCloseTo(0.3, within(1e-12));
    // The per-prompt relative gap is undefined for every model here: no point, no line.
    ScalingFit perPrompt = file.fits().stream()
        .filter(f -> f.measure().equals("relative-gap-per-prompt"))
        .findFirst()
        .orElseThrow();
    assertThat(perPrompt.fit().points()).isZero();
    assertThat(perPrompt.fit().slope()).isNaN();
  }

  @Test
  void aModelWithoutFlopsFailsNamingTheFixAndUnknownKeysNameTheirLine() throws Exception {
    ScalingSpec spec = spec("");
    PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
    ResolvedRunSpec resolved =
        RunSpecResolver.resolve(spec.run(), registry, dir.resolve("family.yaml"));
    assertThatThrownBy(() -> ScalingStudy.flops(spec, resolved))
        .isInstanceOf(StudyException.class)
        .hasMessageContaining("model 'small' has no")
        .hasMessageContaining("scaling.flops");
    // The scaling section starts on line 7; its misspelt key is on line 8.
    assertThatThrownBy(() -> spec("scaling:\n  flop: {small: 1.0e10}"))
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(8))
        .hasMessageContaining("unknown key 'flop'");
  }
}
