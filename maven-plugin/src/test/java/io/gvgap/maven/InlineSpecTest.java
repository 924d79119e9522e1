package io.gvgap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Inline YAML as Maven hands it over: trimmed, with the XML indentation on every line but the first. */
class InlineSpecTest {

  @Test
  void trimmedFirstLineAndIndentedRestBecomeTopLevelYaml() {
    String fromMaven =
        "name: demo\n          models:\n            - backend: onnx\n\n          seed: 3";
    assertThat(InlineSpec.normalize(fromMaven))
        .isEqualTo("name: demo\nmodels:\n  - backend: onnx\n\nseed: 3\n");
  }

  @Test
  void cdataWithLeadingNewlineAndIndentedFirstLine() {
    String cdata = "\r\n    name: demo\r\n    generation:\r\n      samples: 4\r\n  ";
    assertThat(InlineSpec.normalize(cdata)).isEqualTo("name: demo\ngeneration:\n  samples: 4\n");
  }

  @Test
  void unindentedTextIsKeptAsItIs() {
    assertThat(InlineSpec.normalize("a: 1\nb:\n  c: 2")).isEqualTo("a: 1\nb:\n  c: 2\n");
  }

  @Test
  void blankTextIsEmpty() {
    assertThat(InlineSpec.normalize(" \n\t\n")).isEmpty();
  }
}
