package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gvgap plugins show NAME}: the options of any plugin, the command the {@code @Option} javadoc names. */
class PluginsShowTest {

  @Test
  void showsAFiltersOptionsWithTypeDefaultAndMeaning() {
    InProcessGvgap.Result r = InProcessGvgap.run("plugins", "show", "quantile");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("filter quantile (io.gvgap.filters.QuantileFilter")
        .containsPattern("\\n  alpha +number += 0.25 +fraction");
  }

  @Test
  void showsEveryKindThatHasTheNameUnlessOneIsChosen() {
    InProcessGvgap.Result both = InProcessGvgap.run("plugins", "show", "majority");
    assertThat(both.code()).isZero();
    assertThat(both.out()).contains("verifier majority (").contains("filter majority (");
    InProcessGvgap.Result one =
        InProcessGvgap.run("plugins", "show", "majority", "--kind", "filter");
    assertThat(one.out()).contains("filter majority (").doesNotContain("verifier majority");
    InProcessGvgap.Result backend = InProcessGvgap.run("plugins", "show", "onnx");
    assertThat(backend.out())
        .startsWith("backend onnx (")
        .containsPattern("\\n  path +path +required +model directory");
  }

  @Test
  void anUnknownNameIsAPluginErrorWithTheNearestName() {
    InProcessGvgap.Result typo = InProcessGvgap.run("plugins", "show", "majorty");
    assertThat(typo.code()).isEqualTo(ExitCodes.PLUGINS);
    assertThat(typo.err()).contains("did you mean 'majority'?");
    InProcessGvgap.Result none = InProcessGvgap.run("plugins", "show", "zzzzzz");
    assertThat(none.code()).isEqualTo(ExitCodes.PLUGINS);
    assertThat(none.err()).contains("No plugin is named 'zzzzzz'").contains("filters best-of-n");
    InProcessGvgap.Result kind =
        InProcessGvgap.run("plugins", "show", "quantile", "--kind", "filterz");
    assertThat(kind.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(kind.err()).contains("task, verifier, filter, backend");
  }
}
