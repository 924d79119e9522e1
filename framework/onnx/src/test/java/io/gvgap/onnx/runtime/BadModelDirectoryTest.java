package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadModelDirectoryTest {
  static final DecoderConfig CONFIG = new DecoderConfig(98, 16, 1, 8, 2, 16, true, 1e-5f);

  @TempDir
  Path dir;

  private Path goodModel() throws Exception {
    Path model = dir.resolve("model");
    ModelDirectory.writeRandom(model, CONFIG, CharVocabulary.printableAscii(), 1);
    return model;
  }

  @Test
  void missingDirectoryAndMissingModelFileAreNamed() throws Exception {
    assertThatThrownBy(() -> OnnxLanguageModel.open(dir.resolve("nope"), 1, "cpu", 4))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("not a directory");
    Path model = goodModel();
    Files.delete(model.resolve("model.onnx"));
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cpu", 4))
        .hasMessageContaining("has no model file")
        .hasMessageContaining("decoder_model_merged.onnx");
  }

  @Test
  void corruptModelAndMissingOrCorruptTokenizerAreNamed() throws Exception {
    Path model = goodModel();
    Files.writeString(model.resolve("tokenizer.json"), "{not json");
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cpu", 4))
        .hasMessageContaining("tokenizer.json is not valid JSON");
    Files.delete(model.resolve("tokenizer.json"));
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cpu", 4))
        .hasMessageContaining("tokenizer.json is missing");
    Path other = dir.resolve("other");
    ModelDirectory.writeRandom(other, CONFIG, CharVocabulary.printableAscii(), 1);
    Files.write(other.resolve("model.onnx"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    assertThatThrownBy(() -> OnnxLanguageModel.open(other, 1, "cpu", 4))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("model.onnx could not be loaded by ONNX Runtime");
  }

  @Test
  void aTokenizerWithMoreIdsThanTheModelIsAVocabularyMismatch() throws Exception {
    Path model = goodModel();
    StringBuilder wide = new StringBuilder();
    for (char c = 0x100; c < 0x100 + 120; c++) {
      wide.append(c);
    }
    ObjectMapper json = new ObjectMapper();
    Files.writeString(
        model.resolve("tokenizer.json"),
        json.writeValueAsString(new CharVocabulary(wide.toString()).tokenizerJson(json)));
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cpu", 4))
        .hasMessageContaining("token ids up to 121")
        .hasMessageContaining("logits for 98 ids");
  }

  @Test
  void unsupportedLayoutsAndDtypesAreExplained() throws Exception {
    Path model = goodModel();
    // a model without a KV cache
    GraphBuilder noCache = new GraphBuilder("no_cache");
    noCache.input("input_ids", ElementType.INT64, "b", "s");
    noCache.input("attention_mask", ElementType.INT64, "b", "s");
    noCache.output(
        noCache.op("Cast", Map.of("to", 1L), "input_ids"), "logits", ElementType.FLOAT, "b", "s");
    ModelSerializer.write(noCache.build(), Map.of(), model.resolve("model.onnx"));
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cpu", 4))
        .hasMessageContaining("no input 'past_key_values.0.key'")
        .hasMessageContaining("text-generation-with-past");
    // an fp16 KV cache
    GraphBuilder half = new GraphBuilder("fp16");
    half.input("input_ids", ElementType.INT64, "b", "s");
    half.input("attention_mask", ElementType.INT64, "b", "t");
    half.input("past_key_values.0.key", ElementType.FLOAT16, "b", 2, "p", 4);
    half.input("past_key_values.0.value", ElementType.FLOAT16, "b", 2, "p", 4);
    half.output(
        half.op("Cast", Map.of("to", 1L), "input_ids"), "logits", ElementType.FLOAT, "b", "s");
    half.output(
        half.op("Identity", "past_key_values.0.key"),
        "present.0.key",
        ElementType.FLOAT16,
        "b",
        2,
        "p",
        4);
    half.output(
        half.op("Identity", "past_key_values.0.value"),
        "present.0.value",
        ElementType.FLOAT16,
        "b",
        2,
        "p",
        4);
    ModelSerializer.write(half.build(), Map.of(), model.resolve("model.onnx"));
    // an fp16 interface is no longer refused: it is converted at the boundary (Fp16Boundary,
    // OptimumLayoutsTest), so the engine sees an fp32 cache
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 4)) {
      assertThat(opened.signature().layers()).isEqualTo(1);
    }
  }

  @Test
  void cudaOnACpuOnlyBuildNamesCuda12AndCudnn9() throws Exception {
    Path model = goodModel();
    assertThatThrownBy(() -> OnnxLanguageModel.open(model, 1, "cuda", 4))
        .hasMessageContaining("CUDA 12")
        .hasMessageContaining("cuDNN 9")
        .hasMessageContaining("onnxruntime_gpu");
  }

  @Test
  @SuppressWarnings({"rawtypes", "unchecked"})
  void theBackendIsFoundByNameAndOpensAModel() throws Exception {
    Path model = goodModel();
    ModelBackend backend = ServiceLoader.load(ModelBackend.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(b -> b.name().equals("onnx"))
        .findFirst()
        .orElseThrow();
    assertThat(backend.optionsType()).isEqualTo(OnnxBackend.Options.class);
    try (LanguageModel opened =
        (LanguageModel) backend.create(new OnnxBackend.Options(model, 1, "cpu", 8))) {
      assertThat(opened.info().contextLength()).isEqualTo(16);
      assertThat(opened.info().parameters())
          .isEqualTo(io.gvgap.onnx.decoder.DecoderParameters.count(CONFIG));
    }
    assertThatThrownBy(() -> new OnnxBackend.Options(model, 1, "tpu", 8))
        .hasMessageContaining("cpu or cuda");
    assertThatThrownBy(() -> new OnnxBackend.Options(model, 1, "cpu", 8, "fast"))
        .hasMessageContaining("decode must be auto or generic, was fast");
  }

  @Test
  void damagedWeightsAreNamedInsteadOfIndexMinusOneOutOfBounds() throws Exception {
    Path model = dir.resolve("damaged");
    Map<String, float[]> parameters =
        new java.util.LinkedHashMap<>(io.gvgap.onnx.decoder.DecoderParameters.random(CONFIG, 1));
    // the bytes of a damaged file read as floats: NaN in one weight matrix makes every logit NaN
    parameters.replaceAll((name, values) -> {
      float[] damaged = values.clone();
      java.util.Arrays.fill(damaged, 0, Math.min(8, damaged.length), Float.NaN);
      return damaged;
    });
    ModelDirectory.write(
        model,
        CONFIG,
        CharVocabulary.printableAscii(),
        parameters,
        io.gvgap.onnx.decoder.ModelCard.EMPTY);
    try (OnnxLanguageModel opened = OnnxLanguageModel.open(model, 1, "cpu", 4)) {
      for (io.gvgap.api.model.SamplingParams params : new io.gvgap.api.model.SamplingParams[] {
        new io.gvgap.api.model.SamplingParams(0.7, 0.9, 0, 4, 1),
        io.gvgap.api.model.SamplingParams.greedy(4)
      }) {
        assertThatThrownBy(() -> opened.generate(
                List.of(new io.gvgap.api.model.GenerationRequest("p", "1+1=", 0, 2, List.of())),
                params))
            .hasMessageStartingWith(
                model.resolve("model.onnx") + ": the model computed logits that are not numbers")
            .hasMessageContaining("weights are damaged")
            .hasMessageNotContaining("out of bounds");
      }
    }
  }
}
