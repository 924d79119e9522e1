package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.results.DistillationSettings;
import io.gvgap.core.results.UpdateRule;
import io.gvgap.core.spec.SpecException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The improve section is read strictly, and errors of either part name the right line. */
class ImproveSpecLoaderTest {

  private static final Path FILE = Path.of("improve.yaml");

  private static String spec(String improveBody) {
    return """
        name: study
        models:
          - {label: m, backend: onnx, options: {path: model}}
        improve:
        %s
        tasks: [{name: arithmetic}]
        verifiers: [{name: oracle}]
        filters: [{name: quantile}]
        """.formatted(improveBody);
  }

  @Test
  void readsEverySettingAndAppliesDefaults() {
    ImproveSpec spec = ImproveSpecLoader.parse(FILE, spec("""
          rounds: 3
          verifier: oracle
          filter: quantile
          update: restart
          distillation: {steps: 12, learning_rate: 1.0e-3, batch: 4}
        """));
    assertThat(spec.rounds()).isEqualTo(3);
    assertThat(spec.update()).isEqualTo(UpdateRule.RESTART);
    // checkpoint_every and seed default to 25 and the run seed (0).
    assertThat(spec.distillation()).isEqualTo(new DistillationSettings(12, 1e-3, 4, 25, 0));
    assertThat(spec.dedup()).isEqualTo(DedupRule.EXACT);
    assertThat(spec.run().name()).isEqualTo("study");
    assertThat(spec.run().models()).hasSize(1);
  }

  @Test
  void unknownKeysAndBadValuesNameTheirLine() {
    // Line 5 is "  rounds: 2", line 6 the misspelt key.
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, spec("  rounds: 2\n  verifer: oracle")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("improve.verifer: unknown key 'verifer'; did you mean 'verifier'?")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(6));
    assertThatThrownBy(() -> ImproveSpecLoader.parse(
            FILE, spec("  verifier: oracle\n  filter: quantile\n  update: again")))
        .hasMessageContaining("improve.update: expected one of continue, restart, was 'again'")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(7));
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, spec("  filter: quantile")))
        .hasMessageContaining("missing required key 'verifier'");
  }

  @Test
  void aValueOfTheWrongKindOrRangeNamesItsFieldAndLineInsideFlowMappings() {
    // Line 5 holds the whole flow mapping; the bad value is its steps.
    assertThatThrownBy(() -> ImproveSpecLoader.parse(
            FILE,
            spec(
                "  verifier: oracle\n  filter: quantile\n  distillation: {steps: many, batch: 4}")))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(
            "improve.distillation.steps: expected an integer, was 'many' (a string)")
        .hasMessageNotContaining("REDACTED")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(7));
    assertThatThrownBy(() -> ImproveSpecLoader.parse(
            FILE, spec("  verifier: oracle\n  filter: quantile\n  distillation: {steps: 0}")))
        .hasMessageContaining("improve.distillation.steps: expected an integer >= 1, was 0")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(7));
    // A study key that the run spec does not know is still an unknown top-level key of the run
    // part.
    assertThatThrownBy(() -> ImproveSpecLoader.parse(
            FILE, spec("  verifier: oracle\n  filter: quantile") + "scaling: {confidence: 0.9}\n"))
        .hasMessageContaining("unknown key 'scaling'");
  }

  @Test
  void errorsOfTheRunPartKeepTheirLines() {
    // The run spec is read from the whole file, so the run spec's unknown key is on its own line
    // 10.
    String text = spec("  verifier: oracle\n  filter: quantile") + "generaton: {samples: 2}\n";
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, text))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("generaton")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(10));
  }
}
