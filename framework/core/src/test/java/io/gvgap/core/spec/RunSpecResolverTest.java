package io.gvgap.core.spec;

import static io.gvgap.core.spec.SpecTestSupport.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.core.testplugins.ConstantVerifierProvider;
import io.gvgap.core.testplugins.EchoBackendProvider;
import io.gvgap.core.testplugins.LineTaskProvider;
import io.gvgap.core.testplugins.QuantileFilterProvider;
import io.gvgap.core.testplugins.ThresholdFilterProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Good specs: defaults, default labels, sweep expansion and the JSON written to the run directory. */
class RunSpecResolverTest {
  @TempDir
  Path temp;

  private static final String MINIMAL = ""
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
  void appliesEveryDefault() {
    ResolvedRunSpec spec = resolve(temp, MINIMAL);

    assertThat(spec.name()).isEqualTo("demo");
    assertThat(spec.output()).isEqualTo(Path.of("runs", "demo"));
    assertThat(spec.seed()).isZero();
    assertThat(spec.models())
        .containsExactly(new ResolvedModel(
            "echo",
            "echo",
            new EchoBackendProvider.Options(inSpecFolder("models/tiny"), 1, Map.of())));
    assertThat(spec.tasks())
        .containsExactly(new ResolvedTask(
            "line-task",
            "line-task",
            Integer.MAX_VALUE,
            0,
            new LineTaskProvider.Options(inSpecFolder("q.txt"), 4, List.of())));
    assertThat(spec.generation()).isEqualTo(new GenerationSettings(16, 0.7, 0.9, 0, 512, 8));
    assertThat(spec.verifierModel()).isNull();
    assertThat(spec.verifiers())
        .containsExactly(new ResolvedComponent(
            "constant", "constant", new ConstantVerifierProvider.Options(0.5)));
    assertThat(spec.filters())
        .containsExactly(new ResolvedComponent(
            "threshold", "threshold", new ThresholdFilterProvider.Options(0.5)));
    assertThat(spec.metrics())
        .isEqualTo(new MetricsSettingsSpec(1000, 0.95, List.of(1), "fallback"));
  }

  @Test
  void readsEveryGivenValue() {
    ResolvedRunSpec spec = resolve(
        temp,
        ""
            + "name: full\n"
            + "output: out/full\n"
            + "seed: 1234\n"
            + "models:\n"
            + "  - label: small\n"
            + "    backend: echo\n"
            + "    options: {path: m/s, threads: 2, properties: {family: tiny}}\n"
            + "  - label: judge\n"
            + "    backend: echo\n"
            + "    options: {path: m/j}\n"
            + "tasks:\n"
            + "  - name: line-task\n"
            + "    label: lines\n"
            + "    limit: 50\n"
            + "    seed: 7\n"
            + "    options: {data: q.txt, shots: 0, tags: [a, b]}\n"
            + "  - name: line-task\n"
            + "    label: lines-2\n"
            + "    options: {data: r.txt}\n"
            + "generation: {samples: 32, temperature: 1, top_p: 0.95, top_k: 40, max_tokens: 256, batch_examples: 2}\n"
            + "verification: {model: judge}\n"
            + "verifiers:\n"
            + "  - name: constant\n"
            + "    label: always-high\n"
            + "    options: {value: 0.9}\n"
            + "filters:\n"
            + "  - name: threshold\n"
            + "    options: {tau: 0.75}\n"
            + "metrics: {bootstrap: 200, confidence: 0.9, pass_at_k: [1, 8, 32], empty_kept: exclude}\n");

    assertThat(spec.name()).isEqualTo("full");
    assertThat(spec.output()).isEqualTo(Path.of("out/full"));
    assertThat(spec.seed()).isEqualTo(1234);
    assertThat(spec.models()).extracting(ResolvedModel::label).containsExactly("small", "judge");
    assertThat(spec.models().get(0).options())
        .isEqualTo(
            new EchoBackendProvider.Options(inSpecFolder("m/s"), 2, Map.of("family", "tiny")));
    assertThat(spec.tasks())
        .containsExactly(
            new ResolvedTask(
                "lines",
                "line-task",
                50,
                7,
                new LineTaskProvider.Options(inSpecFolder("q.txt"), 0, List.of("a", "b"))),
            new ResolvedTask(
                "lines-2",
                "line-task",
                Integer.MAX_VALUE,
                1234,
                new LineTaskProvider.Options(inSpecFolder("r.txt"), 4, List.of())));
    assertThat(spec.generation()).isEqualTo(new GenerationSettings(32, 1.0, 0.95, 40, 256, 2));
    assertThat(spec.verifierModel()).isEqualTo("judge");
    assertThat(spec.verifiers().get(0).label()).isEqualTo("always-high");
    assertThat(spec.filters().get(0).options())
        .isEqualTo(new ThresholdFilterProvider.Options(0.75));
    assertThat(spec.metrics())
        .isEqualTo(new MetricsSettingsSpec(200, 0.9, List.of(1, 8, 32), "exclude"));
  }

  @Test
  void unlabelledModelsOfOneBackendAreNumbered() {
    ResolvedRunSpec spec = resolve(
        temp,
        MINIMAL.replace("tasks:", "  - backend: echo\n    options: {path: models/big}\ntasks:"));

    assertThat(spec.models()).extracting(ResolvedModel::label).containsExactly("echo-1", "echo-2");
  }

  @Test
  void sweepsExpandToOneFilterPerCombinationFirstKeySlowest() {
    ResolvedRunSpec spec = resolve(
        temp,
        MINIMAL + ""
            + "  - name: quantile\n"
            + "    sweep: {alpha: [0.1, 0.25], min_kept: [1, 2]}\n"
            + "  - name: quantile\n"
            + "    label: q\n"
            + "    options: {min_kept: 3}\n"
            + "    sweep: {alpha: [5e-1]}\n");

    // 2 x 2 combinations, then one: labels carry the values as written in the file.
    assertThat(spec.filters())
        .containsExactly(
            new ResolvedComponent(
                "threshold", "threshold", new ThresholdFilterProvider.Options(0.5)),
            new ResolvedComponent(
                "quantile(alpha=0.1,min_kept=1)",
                "quantile",
                new QuantileFilterProvider.Options(0.1, 1)),
            new ResolvedComponent(
                "quantile(alpha=0.1,min_kept=2)",
                "quantile",
                new QuantileFilterProvider.Options(0.1, 2)),
            new ResolvedComponent(
                "quantile(alpha=0.25,min_kept=1)",
                "quantile",
                new QuantileFilterProvider.Options(0.25, 1)),
            new ResolvedComponent(
                "quantile(alpha=0.25,min_kept=2)",
                "quantile",
                new QuantileFilterProvider.Options(0.25, 2)),
            new ResolvedComponent(
                "q(alpha=5e-1)", "quantile", new QuantileFilterProvider.Options(0.5, 3)));
  }

  @Test
  void aSweepThatRepeatsAValueIsRejected() {
    SpecException e = SpecTestSupport.failure(
        temp, MINIMAL + "  - name: quantile\n    sweep: {alpha: [0.1, 0.1]}\n");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.fieldPath()).isEqualTo("filters[1].sweep");
    assertThat(e.problem())
        .isEqualTo(
            "the sweep yields the filter label 'quantile(alpha=0.1)' twice; list each value once");
  }

  @Test
  void writesTheResolvedSpecAsJsonWithSpecKeys() throws Exception {
    ResolvedRunSpec spec = resolve(
        temp,
        MINIMAL.replace("{data: q.txt}", "{data: q.txt, tags: [x]}")
            + "  - name: quantile\n    sweep: {alpha: [0.1]}\n");

    JsonNode json = new ObjectMapper().readTree(ResolvedSpecWriter.toJson(spec));

    assertThat(json.get("name").asText()).isEqualTo("demo");
    assertThat(json.get("output").asText()).isEqualTo(Path.of("runs", "demo").toString());
    assertThat(json.get("models").get(0).get("options").get("path").asText())
        .isEqualTo(inSpecFolder("models/tiny").toString());
    assertThat(json.get("models").get(0).get("options").get("threads").asInt()).isEqualTo(1);
    assertThat(json.get("tasks").get(0).get("limit").asInt()).isEqualTo(Integer.MAX_VALUE);
    assertThat(json.get("tasks").get(0).get("options").get("tags").get(0).asText())
        .isEqualTo("x");
    assertThat(json.get("generation").get("top_p").asDouble()).isEqualTo(0.9);
    assertThat(json.get("generation").get("batch_examples").asInt()).isEqualTo(8);
    assertThat(json.get("verification").get("model").isNull()).isTrue();
    assertThat(json.get("filters").get(1).get("label").asText()).isEqualTo("quantile(alpha=0.1)");
    assertThat(json.get("filters").get(1).get("options").get("min_kept").asInt())
        .isEqualTo(1);
    assertThat(json.get("metrics").get("pass_at_k").get(0).asInt()).isEqualTo(1);
    assertThat(json.get("metrics").get("empty_kept").asText()).isEqualTo("fallback");
  }

  /** Relative option paths are resolved against the spec file's folder (the temporary directory). */
  private Path inSpecFolder(String relative) {
    return temp.resolve(relative).toAbsolutePath().normalize();
  }
}
