package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code gvgap:plugins} lists built-in providers and those of extra jars on the plugin's class path. */
class PluginsMojoTest {

  @Test
  void listsBuiltInAndAddedProvidersWithTheirJars() throws Exception {
    CapturingLog log = new CapturingLog();
    PluginsMojo mojo = new PluginsMojo();
    mojo.setLog(log);
    mojo.execute();
    assertThat(log.lines.get(0)).startsWith("KIND").contains("NAME", "CLASS", "VERSION", "FROM");
    assertThat(log.text())
        .containsPattern("task +gsm8k +io\\.gvgap\\.tasks\\.gsm8k\\.Gsm8kProvider +\\S+ +\\S*tasks")
        .containsPattern("backend +onnx +io\\.gvgap\\.onnx\\.OnnxBackend")
        // gvgap-testing stands in for a third-party plugin: it is only on the test class path
        .containsPattern("task +toy-sums +io\\.gvgap\\.testing\\.ToySumsTask +\\S+ +\\S*testing");
    int providers = log.lines.size() - 2;
    assertThat(log.lines.get(log.lines.size() - 1)).isEqualTo(providers + " providers");
  }
}
