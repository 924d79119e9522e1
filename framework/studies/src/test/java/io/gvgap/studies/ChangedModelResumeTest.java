package io.gvgap.studies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.pipeline.RunPipeline;
import io.gvgap.core.pipeline.RunResult;
import io.gvgap.core.progress.Progress;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecLoader;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.core.store.Json;
import io.gvgap.core.store.ModelFingerprint;
import io.gvgap.core.store.RunInfo;
import io.gvgap.core.store.RunStatus;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.onnx.cli.ModelInitRunner;
import io.gvgap.onnx.runtime.ModelContentHash;
import io.gvgap.onnx.train.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run (and an improvement study) resumed after the model's weights were retrained at the same
 * path: with the model unchanged the run resumes; with retrained weights the rerun fails before any
 * work, says which directory, model, path and fingerprints, and leaves every stored result as it was.
 */
class ChangedModelResumeTest {

  @TempDir
  Path tmp;

  private final PluginRegistry registry =
      PluginRegistry.load(ChangedModelResumeTest.class.getClassLoader());

  private static void writeModel(Path dir, long seed) throws Exception {
    ModelInitRunner.run(dir, 1, 16, 2, 160, 0, true, seed);
  }

  private Path runSpec(Path model, Path output) throws Exception {
    Path spec = tmp.resolve("run.yaml");
    Files.writeString(spec, """
        name: toy
        output: "%s"
        seed: 7
        models:
          - label: tiny
            backend: onnx
            options: {path: "%s", threads: 1}
        tasks:
          - name: arithmetic
            limit: 3
            seed: 3
            options: {digits: 1, shots: 0}
        generation: {samples: 2, max_tokens: 8, temperature: 1.0, batch_examples: 3}
        verifiers:
          - name: oracle
        filters:
          - name: best-of-n
        metrics: {bootstrap: 20}
        """.formatted(slashes(output), slashes(model)));
    return spec;
  }

  private static String slashes(Path path) {
    return path.toString().replace("\\", "/");
  }

  private RunResult run(Path specFile) {
    ResolvedRunSpec spec =
        RunSpecResolver.resolve(RunSpecLoader.load(specFile), registry, specFile);
    return new RunPipeline(registry, Progress.NONE, "test").run(spec, "name: toy\n");
  }

  /** Every file of a directory tree with its bytes, to show that nothing changed. */
  private static Map<String, byte[]> contents(Path dir) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertUnchanged(Path dir, Map<String, byte[]> before) throws Exception {
    Map<String, byte[]> after = contents(dir);
    assertThat(after).containsOnlyKeys(before.keySet());
    before.forEach((name, bytes) -> assertThat(after.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aRunResumesWithItsOwnModelAndRefusesRetrainedWeightsAtTheSamePath() throws Exception {
    Path model = tmp.resolve("models").resolve("tiny");
    writeModel(model, 3);
    Path output = tmp.resolve("runs").resolve("toy");
    Path spec = runSpec(model, output);
    String original = ModelContentHash.of(model);

    run(spec);
    RunInfo first = RunStore.readInfo(output);
    assertThat(first.models())
        .extracting(ModelFingerprint::label, ModelFingerprint::fingerprint)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tiny", original));
    assertThat(first.models().get(0).source()).contains(slashes(model));

    // an interrupted run of the unchanged model resumes
    Files.writeString(
        output.resolve(RunStore.RUN_JSON),
        Json.mapper().writeValueAsString(first.withStatus(RunStatus.STARTED, null)));
    RunResult resumed = run(spec);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.samplesGenerated()).isZero();
    assertThat(RunStore.readInfo(output).status()).isEqualTo(RunStatus.SUCCESS);

    // the weights are retrained in place (another seed); the same spec must not reuse the old
    // samples
    writeModel(model, 4);
    String retrained = ModelContentHash.of(model);
    assertThat(retrained).isNotEqualTo(original);
    Map<String, byte[]> before = contents(output);
    assertThatThrownBy(() -> run(spec))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith(
            output + " holds results of a model whose files have changed since the run started")
        .hasMessageContaining("model 'tiny' (onnx {\"path\":\"" + slashes(model) + "\"")
        .hasMessageContaining(
            "has fingerprint " + retrained.substring(0, 12) + " now, but the run's results were"
                + " computed with fingerprint " + original.substring(0, 12))
        .hasMessageContaining("restore the model it was started with")
        .hasMessageContaining("choose another output directory (spec field 'output' or --output)")
        .satisfies(e -> System.out.println("error as printed: " + e.getMessage()));
    assertUnchanged(output, before);

    // the original weights restored: the run resumes again
    writeModel(model, 3);
    assertThat(run(spec).resumed()).isTrue();
  }

  @Test
  void anImprovementStudyReusesFinishedRoundsOnlyWhileTheBaseModelIsUnchanged() throws Exception {
    Path model = tmp.resolve("base");
    writeModel(model, 3);
    Path study = tmp.resolve("study");
    Path spec = tmp.resolve("improve.yaml");
    Files.writeString(spec, """
        name: study
        output: "%s"
        seed: 7
        improve:
          rounds: 1
          verifier: oracle
          filter: best-of-n
          distillation: {steps: 2, learning_rate: 1.0e-3, batch: 2, checkpoint_every: 1}
        models:
          - label: tiny
            backend: onnx
            options: {path: "%s", threads: 1}
        tasks:
          - name: arithmetic
            limit: 3
            seed: 3
            options: {digits: 1, shots: 0}
        generation: {samples: 2, max_tokens: 8, temperature: 1.0, batch_examples: 3}
        verifiers:
          - name: oracle
        filters:
          - name: best-of-n
        metrics: {bootstrap: 20}
        """.formatted(slashes(study), slashes(model)));
    ImproveRunner.run(spec, new ArrayList<>(), ProgressListener.none());

    // unchanged models (the base and the distilled round-1 model inside the study) reuse every
    // stage
    List<String> rerun = new ArrayList<>();
    ImproveRunner.run(spec, rerun, ProgressListener.none());
    assertThat(rerun).hasSize(3).allMatch(line -> line.contains("already finished"));

    writeModel(model, 4);
    Map<String, byte[]> before = contents(study);
    List<String> afterRetraining = new ArrayList<>();
    assertThatThrownBy(() -> ImproveRunner.run(spec, afterRetraining, ProgressListener.none()))
        .isInstanceOf(RunStoreException.class)
        .hasMessageStartingWith(
            study.resolve("round-0") + " holds results of a model whose files have changed")
        .hasMessageContaining("model 'tiny'");
    assertThat(afterRetraining).isEmpty();
    assertUnchanged(study, before);
  }
}
