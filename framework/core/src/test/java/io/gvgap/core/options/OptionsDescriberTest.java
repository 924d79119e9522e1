package io.gvgap.core.options;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.testplugins.LineTaskProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsDescriberTest {

  @Test
  void describesNameTypeDefaultAndDescription() {
    List<OptionDescription> options = OptionsDescriber.describe(LineTaskProvider.Options.class);

    assertThat(options)
        .containsExactly(
            new OptionDescription(
                "data", "path", null, "text file with one 'question|answer' per line"),
            new OptionDescription("shots", "integer", "4", "few-shot examples in the prompt"),
            new OptionDescription("tags", "list of string", "[]", "free-form tags"));
    assertThat(options.get(0).required()).isTrue();
    assertThat(options.get(1).required()).isFalse();
  }

  @Test
  void flattensNestedRecordsAndNamesEnumChoices() {
    List<OptionDescription> options = OptionsDescriber.describe(OptionsBinderTest.Everything.class);

    assertThat(options)
        .extracting(OptionDescription::name)
        .containsExactly(
            "name",
            "count",
            "big_count",
            "ratio",
            "verbose",
            "mode",
            "file",
            "stops",
            "ks",
            "headers",
            "cache",
            "max_new_tokens",
            "retry.attempts",
            "retry.pause_seconds");
    assertThat(options.get(5).type()).isEqualTo("one of: best-of-n, keep-all");
    assertThat(options.get(8).type()).isEqualTo("set of integer");
    assertThat(options.get(9).type()).isEqualTo("mapping of string to string");
    assertThat(options.get(13))
        .isEqualTo(
            new OptionDescription("retry.pause_seconds", "number", "0.5", "pause in seconds"));
  }
}
