package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.DecoderGraphTest;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows that finish at different steps leave the batch and the cache of the others is compacted in
 * place (the engine reuses two cache buffers in turn). Every sample must then be what it is when
 * generated alone: its draws depend only on (seed, id, index) and its cache rows only on itself.
 */
class RowCompactionTest {
  @TempDir
  Path dir;

  @Test
  void samplesFinishingAtDifferentStepsEqualTheSameSamplesDecodedOneRowAtATime() throws Exception {
    Path model = dir.resolve("eos");
    ModelDirectory.write(
        model,
        OnnxLanguageModelTest.CONFIG,
        OnnxLanguageModelTest.VOCABULARY,
        DecoderGraphTest.perturbedParameters(OnnxLanguageModelTest.CONFIG, 21),
        ModelCard.EMPTY);
    SamplingParams params = new SamplingParams(1.0, 1.0, 0, 24, 77);
    List<GenerationRequest> requests = OnnxLanguageModelTest.prompts(6);
    // the id drawn most often becomes the end-of-sequence id, so that many rows end early and at
    // different steps
    Files.writeString(model.resolve("generation_config.json"), "{\"eos_token_id\": []}");
    Map<Long, Integer> counts = new HashMap<>();
    try (OnnxLanguageModel free = OnnxLanguageModel.open(model, 1, "cpu", 64)) {
      free.generateSamples(requests, params).forEach(s -> {
        for (long id : s.tokenIds()) {
          counts.merge(id, 1, Integer::sum);
        }
      });
    }
    long eos = counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow()
        .getKey();
    Files.writeString(model.resolve("generation_config.json"), "{\"eos_token_id\": [" + eos + "]}");

    Map<String, SampleResult> alone = generate(model, 1, requests, params);
    Map<String, SampleResult> batched = generate(model, 64, requests, params);
    Map<String, SampleResult> chunked = generate(model, 7, requests, params);
    assertThat(alone).hasSize(72);
    // the test means something only if rows ended at many different steps
    assertThat(alone.values().stream()
            .filter(s -> s.finishReason() == FinishReason.EOS)
            .count())
        .isGreaterThan(20);
    assertThat(alone.values().stream()
            .filter(s -> s.finishReason() == FinishReason.LENGTH)
            .count())
        .isGreaterThan(0);
    assertThat(alone.values().stream().map(s -> s.tokenIds().length).distinct().count())
        .isGreaterThan(8);
    for (Map<String, SampleResult> other : List.of(batched, chunked)) {
      assertThat(other.keySet()).isEqualTo(alone.keySet());
      alone.forEach((key, sample) -> {
        assertThat(other.get(key).tokenIds()).as(key).containsExactly(sample.tokenIds());
        assertThat(other.get(key).finishReason()).as(key).isEqualTo(sample.finishReason());
        // float sums in a different batch shape may round differently, by far less than this
        assertThat(other.get(key).logProb()).as(key).isCloseTo(sample.logProb(), within(1e-3));
      });
    }
  }

  private static Map<String, SampleResult> generate(
      Path model, int rows, List<GenerationRequest> requests, SamplingParams params) {
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", rows)) {
      return OnnxLanguageModelTest.byKey(opened.generateSamples(requests, params));
    }
  }
}
