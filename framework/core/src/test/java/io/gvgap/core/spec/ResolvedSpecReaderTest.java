package io.gvgap.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.store.RunStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvedSpecReaderTest {

  @TempDir
  Path temp;

  @Test
  void readsBackExactlyWhatTheWriterWrote() throws Exception {
    ResolvedRunSpec spec = SpecTestSupport.resolve(
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
            + "    limit: 50\n"
            + "    options: {data: q.txt, shots: 0, tags: [a, b]}\n"
            + "generation: {samples: 32, temperature: 1, top_p: 0.95, top_k: 40, max_tokens: 256, batch_examples: 2}\n"
            + "verification: {model: judge}\n"
            + "verifiers:\n"
            + "  - name: constant\n"
            + "    options: {value: 0.9}\n"
            + "filters:\n"
            + "  - name: threshold\n"
            + "    sweep: {tau: [0.25, 0.75]}\n"
            + "metrics: {bootstrap: 200, confidence: 0.9, pass_at_k: [1, 8, 32], empty_kept: exclude}\n");
    Path file = temp.resolve("spec.json");
    Files.writeString(file, ResolvedSpecWriter.toJson(spec));

    assertThat(ResolvedSpecReader.read(file, SpecTestSupport.REGISTRY)).isEqualTo(spec);
  }

  @Test
  void aFileThatIsNotAResolvedSpecIsAClearError() throws Exception {
    Path file = temp.resolve("spec.json");
    Files.writeString(file, "{\"name\": \"x\"}");
    assertThatThrownBy(() -> ResolvedSpecReader.read(file, SpecTestSupport.REGISTRY))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith(file + ":1:")
        .hasMessageContaining("missing required key 'output'")
        .hasMessageContaining("not a gvgap resolved spec");
    assertThatThrownBy(
            () -> ResolvedSpecReader.read(temp.resolve("missing.json"), SpecTestSupport.REGISTRY))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("cannot read")
        .hasMessageContaining("the file does not exist");
  }

  @Test
  void aWrongValueDeepInTheFileIsNamedByLineAndFieldNotByANullPointer() throws Exception {
    ResolvedRunSpec spec = SpecTestSupport.resolve(
        temp,
        "models: [{backend: echo, options: {path: m}}]\n"
            + "tasks: [{name: line-task, options: {data: q.txt}}]\nverifiers: [{name: constant}]\nfilters: [{name: threshold}]\n");
    Path file = temp.resolve("spec.json");
    String json = ResolvedSpecWriter.toJson(spec);
    Files.writeString(file, json.replaceFirst("\"top_p\" : [0-9.]+", "\"top_p\" : 2.5"));
    assertThatThrownBy(() -> ResolvedSpecReader.read(file, SpecTestSupport.REGISTRY))
        .isInstanceOf(RunStoreException.class)
        .hasMessageContaining("generation: topP must be in (0, 1], was 2.5")
        .hasMessageNotContaining("NullPointerException");

    Files.writeString(file, json.replaceFirst("\"label\" : \"echo\"", "\"label\" : [1]"));
    assertThatThrownBy(() -> ResolvedSpecReader.read(file, SpecTestSupport.REGISTRY))
        .hasMessageContaining("models[0].label: expected a string, was a list");
  }
}
