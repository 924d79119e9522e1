package io.gvgap.core.spec;

import static io.gvgap.core.spec.SpecTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad specs: each error names the line, the field path and what is allowed. */
class RunSpecErrorsTest {
  @TempDir
  Path temp;

  private static final String REST = ""
      + "tasks:\n"
      + "  - name: line-task\n"
      + "    options: {data: q.txt}\n"
      + "verifiers:\n"
      + "  - name: constant\n"
      + "filters:\n"
      + "  - name: threshold\n";

  private static final String MODELS =
      "" + "models:\n" + "  - backend: echo\n" + "    options: {path: models/tiny}\n";

  @Test
  void yamlSyntaxError() {
    SpecException e = failure(
        temp, "" + "models:\n" + "  - backend: echo\n" + "    options: {path: [a, b}\n" + REST);

    assertThat(e.line()).isEqualTo(3);
    assertThat(e.fieldPath()).isEmpty();
    assertThat(e.problem()).startsWith("invalid YAML: ").contains("flow sequence");
    assertThat(e.getMessage()).startsWith(temp.resolve("demo.yaml") + ":3:");
  }

  @Test
  void emptyFile() {
    SpecException e = failure(temp, "# nothing yet\n");

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.getMessage())
        .isEqualTo(temp.resolve("demo.yaml") + ":1:1: the spec is empty; it needs at least the keys"
            + " models, tasks, verifiers and filters");
  }

  @Test
  void unknownTopLevelKeyWithNearestSuggestion() {
    SpecException e = failure(temp, MODELS + "sed: 3\n" + REST);

    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.fieldPath()).isEqualTo("sed");
    assertThat(e.problem())
        .isEqualTo(
            "unknown key 'sed'; did you mean 'seed'? allowed keys here: name, output, seed, models,"
                + " tasks, generation, verification, verifiers, filters, metrics");
  }

  @Test
  void misspelledNestedKeyWithNearestSuggestion() {
    SpecException e = failure(temp, MODELS + REST + "generation:\n  temprature: 0.5\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.fieldPath()).isEqualTo("generation.temprature");
    assertThat(e.problem())
        .startsWith(
            "unknown key 'temprature'; did you mean 'temperature'? allowed keys here: samples,");
  }

  @Test
  void missingModels() {
    SpecException e = failure(temp, REST);

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.fieldPath()).isEqualTo("models");
    assertThat(e.problem())
        .isEqualTo(
            "missing required key 'models'; give at least one model (each item like '- backend: onnx')");
  }

  @Test
  void emptyModelsList() {
    SpecException e = failure(temp, "models:\n" + REST);

    assertThat(e.line()).isEqualTo(1);
    assertThat(e.fieldPath()).isEqualTo("models");
    assertThat(e.problem()).startsWith("'models' is empty; give at least one model");
  }

  @Test
  void unknownTaskNameGetsTheRegistryMessageAndTheLine() {
    SpecException e = failure(temp, MODELS + REST.replace("name: line-task", "name: line-tsk"));

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].name");
    assertThat(e.problem())
        .isEqualTo(
            "Unknown task 'line-tsk' (io.gvgap.api.task.TaskProvider); did you mean 'line-task'?"
                + " Available tasks: line-task. If it is a plugin, add the jar that provides it to the classpath or --plugin-path.");
  }

  @Test
  void unknownOptionKey() {
    SpecException e =
        failure(temp, MODELS + REST.replace("{data: q.txt}", "{data: q.txt, shot: 4}"));

    assertThat(e.line()).isEqualTo(6);
    // "    options: {data: q.txt, shot: 4}": the key "shot" starts in column 28.
    assertThat(e.column()).isEqualTo(28);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].options.shot");
    assertThat(e.problem())
        .isEqualTo("unknown option 'shot'; did you mean 'shots'? Valid options: data, shots, tags");
  }

  @Test
  void wrongOptionType() {
    SpecException e = failure(
        temp,
        MODELS + ""
            + "tasks:\n"
            + "  - name: line-task\n"
            + "    options:\n"
            + "      data: q.txt\n"
            + "      shots: four\n"
            + REST.substring(REST.indexOf("verifiers:")));

    assertThat(e.line()).isEqualTo(8);
    assertThat(e.column()).isEqualTo(14);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].options.shots");
    assertThat(e.problem()).isEqualTo("expected an integer, was 'four' (a string)");
  }

  @Test
  void aWrongItemDeepInsideOptionsNamesItsOwnLineAndColumn() {
    SpecException e = failure(
        temp,
        MODELS + ""
            + "tasks:\n"
            + "  - name: line-task\n"
            + "    options:\n"
            + "      data: q.txt\n"
            + "      tags:\n"
            + "        - a\n"
            + "        - 7\n"
            + REST.substring(REST.indexOf("verifiers:")));

    assertThat(e.line()).isEqualTo(10);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].options.tags[1]");
    assertThat(e.problem())
        .isEqualTo("expected a string, was 7 (an integer); put it in quotes to make it a string");
  }

  @Test
  void missingRequiredOptionPointsAtTheOptions() {
    SpecException e = failure(temp, MODELS + REST.replace("{data: q.txt}", "{shots: 2}"));

    assertThat(e.line()).isEqualTo(6);
    assertThat(e.fieldPath()).isEqualTo("tasks[0].options.data");
    assertThat(e.problem()).startsWith("missing required option 'data' (path: ");
  }

  @Test
  void optionOutOfRangeFromTheRecordConstructorReadsLikeTheDesign() {
    SpecException e = failure(
        temp, MODELS + REST + "  - name: threshold\n    label: strict\n    options: {tau: 1.5}\n");

    assertThat(e.line()).isEqualTo(13);
    assertThat(e.fieldPath()).isEqualTo("filters[1].options.tau");
    assertThat(e.getMessage())
        .isEqualTo(temp.resolve("demo.yaml")
            + ":13:20: filters[1].options.tau: must be in [0, 1], was 1.5");
  }

  @Test
  void negativeSamples() {
    SpecException e = failure(temp, MODELS + REST + "generation:\n  samples: -4\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.column()).isEqualTo(12);
    assertThat(e.fieldPath()).isEqualTo("generation.samples");
    assertThat(e.problem()).isEqualTo("must be >= 1, was -4");
  }

  @Test
  void passAtKAboveTheSampleCount() {
    SpecException e = failure(
        temp, MODELS + REST + "generation: {samples: 8}\nmetrics:\n  pass_at_k: [1, 4, 16]\n");

    assertThat(e.line()).isEqualTo(13);
    // "  pass_at_k: [1, 4, 16]": the value 16 starts in column 21.
    assertThat(e.column()).isEqualTo(21);
    assertThat(e.fieldPath()).isEqualTo("metrics.pass_at_k[2]");
    assertThat(e.problem())
        .isEqualTo("pass@16 needs at least 16 samples per prompt, but generation.samples is 8;"
            + " lower it or raise generation.samples");
  }

  @Test
  void duplicateLabels() {
    SpecException e = failure(
        temp,
        MODELS
            + REST.replace(
                "verifiers:",
                "" + "  - name: line-task\n" + "    options: {data: other.txt}\n" + "verifiers:"));

    assertThat(e.line()).isEqualTo(7);
    assertThat(e.fieldPath()).isEqualTo("tasks[1].name");
    assertThat(e.problem())
        .isEqualTo(
            "the task label 'line-task' is already used by tasks[0]; give each task a distinct"
                + " label: key");
  }

  @Test
  void sweepKeyAlsoInOptions() {
    SpecException e = failure(
        temp,
        MODELS
            + REST.replace(
                "  - name: threshold\n",
                ""
                    + "  - name: threshold\n"
                    + "    options: {tau: 0.5}\n"
                    + "    sweep:\n"
                    + "      tau: [0.2, 0.8]\n"));

    assertThat(e.line()).isEqualTo(13);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.fieldPath()).isEqualTo("filters[0].sweep.tau");
    assertThat(e.problem())
        .isEqualTo("'tau' is given both in options (line 11) and in sweep; keep it in one of them");
  }

  @Test
  void sweptValueOutOfRangePointsAtThatValue() {
    SpecException e = failure(
        temp,
        MODELS
            + REST.replace(
                "  - name: threshold\n",
                "" + "  - name: threshold\n" + "    sweep: {tau: [0.2, 1.8]}\n"));

    assertThat(e.line()).isEqualTo(11);
    // "    sweep: {tau: [0.2, 1.8]}": the value 1.8 starts in column 24.
    assertThat(e.column()).isEqualTo(24);
    assertThat(e.fieldPath()).isEqualTo("filters[0].sweep.tau[1]");
    assertThat(e.problem()).isEqualTo("must be in [0, 1], was 1.8");
  }

  @Test
  void unknownSweepKey() {
    SpecException e = failure(
        temp,
        MODELS
            + REST.replace(
                "  - name: threshold\n",
                "" + "  - name: quantile\n" + "    sweep: {alpah: [0.1]}\n"));

    assertThat(e.line()).isEqualTo(11);
    assertThat(e.fieldPath()).isEqualTo("filters[0].sweep.alpah");
    assertThat(e.problem())
        .isEqualTo(
            "unknown option 'alpah' of the filter 'quantile'; did you mean 'alpha'? valid options:"
                + " alpha, min_kept");
  }

  @Test
  void verificationModelNotFound() {
    SpecException e = failure(temp, MODELS + REST + "verification:\n  model: tiyn\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.fieldPath()).isEqualTo("verification.model");
    assertThat(e.problem())
        .isEqualTo(
            "no model is labelled 'tiyn'; model labels: echo (a model's label defaults to its"
                + " backend name)");
  }

  @Test
  void duplicateYamlKey() {
    SpecException e = failure(temp, MODELS + "seed: 1\nseed: 2\n" + REST);

    assertThat(e.line()).isEqualTo(5);
    assertThat(e.problem())
        .isEqualTo("duplicate key 'seed' (first given on line 4); give each key once");
  }

  @Test
  void wrongTypeInAFixedSection() {
    SpecException e =
        failure(temp, MODELS + REST + "metrics:\n  confidence: high\n  empty_kept: falback\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.fieldPath()).isEqualTo("metrics.confidence");
    assertThat(e.problem()).isEqualTo("expected a number, was 'high' (a string)");
  }

  @Test
  void choiceOutsideTheAllowedValues() {
    SpecException e = failure(temp, MODELS + REST + "metrics:\n  empty_kept: falback\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.fieldPath()).isEqualTo("metrics.empty_kept");
    assertThat(e.problem())
        .isEqualTo("must be one of fallback, exclude, was 'falback'; did you mean 'fallback'?");
  }

  @Test
  void missingFileIsReported() {
    Path missing = temp.resolve("absent.yaml");
    SpecException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        SpecException.class, () -> RunSpecLoader.load(missing));

    assertThat(e.getMessage()).startsWith(missing + ":1:1: the spec file does not exist");
  }

  @Test
  void aDirectoryOrANonUtf8FileGivenAsTheSpecSaysWhatItIsWithThePath() throws Exception {
    SpecException directory = org.assertj.core.api.Assertions.catchThrowableOfType(
        SpecException.class, () -> RunSpecLoader.load(temp));
    assertThat(directory.getMessage())
        .isEqualTo(temp + ":1:1: this is a directory, not a file; name the spec file inside it");

    Path latin1 = java.nio.file.Files.write(
        temp.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
    SpecException encoding = org.assertj.core.api.Assertions.catchThrowableOfType(
        SpecException.class, () -> RunSpecLoader.load(latin1));
    assertThat(encoding.getMessage())
        .isEqualTo(latin1 + ":1:1: the spec file is not UTF-8 text; save it as UTF-8")
        .doesNotContain("Input length");
  }
}
