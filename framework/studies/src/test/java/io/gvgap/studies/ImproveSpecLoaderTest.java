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
        .isInstanceOf(SpecException.class).hasMessageContaining("unknown key 'verifer'")
        .satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(6));
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, spec("  verifier: oracle\n  filter: quantile\n  update: again")))
        .hasMessageContaining("continue or restart").satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(7));
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, spec("  filter: quantile")))
        .hasMessageContaining("missing required key 'verifier'");
  }

  @Test
  void errorsOfTheRunPartKeepTheirLines() {
    // The improve section is blanked, not removed, so the run spec's unknown key is still on line 10.
    String text = spec("  verifier: oracle\n  filter: quantile") + "generaton: {samples: 2}\n";
    assertThatThrownBy(() -> ImproveSpecLoader.parse(FILE, text)).isInstanceOf(SpecException.class)
        .hasMessageContaining("generaton").satisfies(e -> assertThat(((SpecException) e).line()).isEqualTo(10));
  }
}
