package io.gvgap.core.spec;

import static io.gvgap.core.spec.SpecTestSupport.failure;
import static io.gvgap.core.spec.SpecTestSupport.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixed sections bound by Jackson: each error at the field's own line, column and path. */
class SpecSectionsBindingTest {
  @TempDir
  Path temp;

  private static final String SPEC = ""
      + "models:\n"
      + "  - backend: echo\n"
      + "    options: {path: models/tiny}\n"
      + "tasks:\n"
      + "  - name: line-task\n"
      + "    options: {data: q.txt}\n"
      + "verifiers:\n"
      + "  - name: constant\n"
      + "filters:\n"
      + "  - name: threshold\n";

  @Test
  void aWrongScalarNamesTheFieldAndTheExpectedKind() {
    SpecException seed = failure(temp, "seed: abc\n" + SPEC);
    assertThat(seed.getMessage())
        .isEqualTo(temp.resolve("demo.yaml") + ":1:7: seed: expected an integer, was 'abc'"
            + " (a string)");

    SpecException label =
        failure(temp, SPEC.replace("  - name: constant\n", "  - name: constant\n    label: 12\n"));
    assertThat(label.line()).isEqualTo(9);
    assertThat(label.column()).isEqualTo(12);
    assertThat(label.fieldPath()).isEqualTo("verifiers[0].label");
    assertThat(label.problem())
        .isEqualTo("expected a non-empty string, was 12 (an integer); put it in quotes to make it a"
            + " string");

    SpecException temperature =
        failure(temp, SPEC + "generation:\n  samples: 4\n  temperature: true\n");
    assertThat(temperature.line()).isEqualTo(13);
    assertThat(temperature.fieldPath()).isEqualTo("generation.temperature");
    assertThat(temperature.problem()).isEqualTo("expected a number, was true (a boolean)");
  }

  @Test
  void anIntegerOutOfRangeNamesTheRangeOfItsField() {
    SpecException seed = failure(temp, "seed: 99999999999999999999\n" + SPEC);
    assertThat(seed.problem())
        .isEqualTo("expected an integer between -9223372036854775808 and 9223372036854775807, was"
            + " 99999999999999999999");

    SpecException samples = failure(temp, SPEC + "generation:\n  samples: 3000000000\n");
    assertThat(samples.line()).isEqualTo(12);
    assertThat(samples.fieldPath()).isEqualTo("generation.samples");
    assertThat(samples.problem())
        .isEqualTo("expected an integer between -2147483648 and 2147483647, was 3000000000");
  }

  @Test
  void anUnknownKeyInsideAListItemIsReportedAtTheKey() {
    SpecException e =
        failure(temp, SPEC.replace("  - name: line-task\n", "  - name: line-task\n    limt: 3\n"));

    assertThat(e.line()).isEqualTo(6);
    assertThat(e.column()).isEqualTo(5);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].limt");
    assertThat(e.problem())
        .isEqualTo(
            "unknown key 'limt'; did you mean 'limit'? allowed keys here: name, label, limit,"
                + " seed, options");
  }

  @Test
  void aRecordsRangeCheckLandsOnItsFieldAndListPosition() {
    SpecException limit =
        failure(temp, SPEC.replace("  - name: line-task\n", "  - name: line-task\n    limit: 0\n"));
    assertThat(limit.line()).isEqualTo(6);
    assertThat(limit.column()).isEqualTo(12);
    assertThat(limit.fieldPath()).isEqualTo("tasks[0].limit");
    assertThat(limit.problem()).isEqualTo("must be >= 1, was 0");

    SpecException zero = failure(temp, SPEC + "metrics:\n  pass_at_k: [1, 0]\n");
    assertThat(zero.line()).isEqualTo(12);
    assertThat(zero.column()).isEqualTo(18);
    assertThat(zero.fieldPath()).isEqualTo("metrics.pass_at_k[1]");
    assertThat(zero.problem()).isEqualTo("must be >= 1, was 0");

    SpecException twice =
        failure(temp, SPEC + "metrics:\n  pass_at_k:\n    - 1\n    - 2\n    - 1\n");
    assertThat(twice.line()).isEqualTo(15);
    assertThat(twice.fieldPath()).isEqualTo("metrics.pass_at_k[2]");
    assertThat(twice.problem()).isEqualTo("the value 1 is listed twice; list each value once");

    SpecException topP = failure(temp, SPEC + "generation:\n  top_p: 0\n");
    assertThat(topP.line()).isEqualTo(12);
    assertThat(topP.fieldPath()).isEqualTo("generation.top_p");
    assertThat(topP.problem()).isEqualTo("must be in (0, 1], was 0.0");
  }

  @Test
  void aSectionThatIsNotAMappingListsItsKeys() {
    SpecException e = failure(temp, SPEC + "verification: judge\n");

    assertThat(e.line()).isEqualTo(11);
    assertThat(e.fieldPath()).isEqualTo("verification");
    assertThat(e.problem()).isEqualTo("expected a mapping with keys model, was 'judge' (a string)");
  }

  @Test
  void emptyValuesMeanNotGivenAndMissingKeysTakeTheirDefaults() {
    ResolvedRunSpec spec = resolve(
        temp, SPEC + "seed:\ngeneration:\n  samples: 4\n  top_k:\nmetrics:\n  bootstrap: 50\n");

    assertThat(spec.seed()).isZero();
    assertThat(spec.generation()).isEqualTo(new GenerationSettings(4, 0.7, 0.9, 0, 512, 8));
    assertThat(spec.metrics()).isEqualTo(new MetricsSettingsSpec(50, 0.95, List.of(1), "fallback"));
  }

  @Test
  void anEmptyListItemAndABlankNameAreNamed() {
    SpecException item = failure(temp, SPEC.replace("  - name: constant\n", "  -\n"));
    assertThat(item.line()).isEqualTo(8);
    assertThat(item.fieldPath()).isEqualTo("verifiers[0]");
    assertThat(item.problem())
        .isEqualTo("expected a mapping with keys name, label, options, was empty");

    SpecException blank = failure(temp, SPEC.replace("  - name: constant\n", "  - name: ' '\n"));
    assertThat(blank.fieldPath()).isEqualTo("verifiers[0].name");
    assertThat(blank.problem()).isEqualTo("expected a non-empty string, was ' ' (a string)");
  }
}
