package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.arch.RandomCheckpoints;
import io.gvgap.onnx.checkpoint.TensorType;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderGraphTest;
import io.gvgap.onnx.decoder.ModelCard;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optimum exports as they are published: fp16 interfaces converted at the boundary, a chosen file
 * among several ({@code onnx/model_q4.onnx} and the like), and checkpoints fingerprinted by their
 * weights.
 */
class OptimumLayoutsTest {
  private static final DecoderConfig CONFIG = new DecoderConfig(98, 96, 2, 32, 4, 128, true, 1e-5f);

  @TempDir
  Path dir;

  /** A gvgap decoder written as a third-party export (no gvgap metadata: the generic path). */
  private Path export(String name) throws Exception {
    Path model = dir.resolve(name);
    ModelDirectory.write(
        model,
        CONFIG,
        CharVocabulary.printableAscii(),
        DecoderGraphTest.perturbedParameters(CONFIG, 2),
        ModelCard.EMPTY);
    Files.delete(model.resolve(ModelDirectory.MODEL_CARD_FILE));
    OnnxProto.ModelProto proto = read(model.resolve("model.onnx"));
    write(model.resolve("model.onnx"), proto.toBuilder().clearMetadataProps().build());
    return model;
  }

  private static OnnxProto.ModelProto read(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return OnnxProto.ModelProto.parseFrom(in);
    }
  }

  private static void write(Path file, OnnxProto.ModelProto proto) throws Exception {
    try (OutputStream out = Files.newOutputStream(file)) {
      proto.writeTo(out);
    }
  }

  /** The same model with fp16 past/present/logits, as an Optimum --fp16 export's interface. */
  private static OnnxProto.ModelProto halfInterface(OnnxProto.ModelProto model) {
    OnnxProto.GraphProto.Builder graph = model.getGraph().toBuilder();
    List<OnnxProto.NodeProto> added = new ArrayList<>();
    for (int i = 0; i < graph.getInputCount(); i++) {
      var input = graph.getInput(i);
      if (input.getName().startsWith("past_key_values.")) {
        var builder = input.toBuilder();
        builder.getTypeBuilder().getTensorTypeBuilder().setElemType(ElementType.FLOAT16.onnxCode());
        graph.setInput(i, builder.build());
        added.add(cast(input.getName(), input.getName() + "_f32", ElementType.FLOAT.onnxCode()));
      }
    }
    List<OnnxProto.NodeProto> nodes = new ArrayList<>(added);
    for (var node : graph.getNodeList()) {
      var renamed = node.toBuilder();
      for (int i = 0; i < renamed.getInputCount(); i++) {
        if (renamed.getInput(i).startsWith("past_key_values.")) {
          renamed.setInput(i, renamed.getInput(i) + "_f32");
        }
      }
      for (int i = 0; i < renamed.getOutputCount(); i++) {
        String out = renamed.getOutput(i);
        if (out.equals("logits") || out.startsWith("present.")) {
          renamed.setOutput(i, out + "_f32");
        }
      }
      for (int i = 0; i < renamed.getInputCount(); i++) {
        String in = renamed.getInput(i);
        if (in.equals("logits") || in.startsWith("present.")) {
          renamed.setInput(i, in + "_f32");
        }
      }
      nodes.add(renamed.build());
    }
    for (int i = 0; i < graph.getOutputCount(); i++) {
      var output = graph.getOutput(i);
      nodes.add(cast(output.getName() + "_f32", output.getName(), ElementType.FLOAT16.onnxCode()));
      var builder = output.toBuilder();
      builder.getTypeBuilder().getTensorTypeBuilder().setElemType(ElementType.FLOAT16.onnxCode());
      graph.setOutput(i, builder.build());
    }
    graph.clearNode().addAllNode(nodes);
    return model.toBuilder().setGraph(graph).build();
  }

  private static OnnxProto.NodeProto cast(String from, String to, int type) {
    return OnnxProto.NodeProto.newBuilder()
        .setOpType("Cast")
        .setName("test_cast_" + to)
        .addInput(from)
        .addOutput(to)
        .addAttribute(OnnxProto.AttributeProto.newBuilder()
            .setName("to")
            .setType(OnnxProto.AttributeProto.AttributeType.INT)
            .setI(type))
        .build();
  }

  private static long temporaryCopies() throws Exception {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("gvgap-fp16-"))
          .count();
    }
  }

  @Test
  void anFp16InterfaceIsConvertedAtTheBoundary() throws Exception {
    Path plain = export("plain");
    Path half = export("half");
    write(half.resolve("model.onnx"), halfInterface(read(half.resolve("model.onnx"))));
    List<GenerationRequest> requests = List.of(
        new GenerationRequest("a", "12 + 7 = ", 0, 1, List.of()),
        new GenerationRequest("b", "hello", 0, 1, List.of()));
    List<long[]> want = new ArrayList<>();
    try (OnnxLanguageModel model = OnnxLanguageModel.open(plain, 1, "cpu", 8)) {
      model
          .generateSamples(requests, SamplingParams.greedy(12))
          .forEach(s -> want.add(s.tokenIds()));
    }
    long before = temporaryCopies();
    List<long[]> got = new ArrayList<>();
    try (OnnxLanguageModel model = OnnxLanguageModel.open(half, 1, "cpu", 8)) {
      assertThat(temporaryCopies()).isEqualTo(before + 1);
      model
          .generateSamples(requests, SamplingParams.greedy(12))
          .forEach(s -> got.add(s.tokenIds()));
    }
    assertThat(temporaryCopies()).isEqualTo(before);
    // the KV cache passes through fp16 between steps: the first token is the same, and greedy
    // decoding of this well-separated model the same throughout
    for (int i = 0; i < want.size(); i++) {
      assertThat(got.get(i)[0]).isEqualTo(want.get(i)[0]);
      assertThat(got.get(i)).containsExactly(want.get(i));
    }
  }

  @Test
  void theFileOptionChoosesAmongAnExportsFilesAndNamesThemWhenMissing() throws Exception {
    Path model = export("several");
    Files.createDirectories(model.resolve("onnx"));
    Files.move(model.resolve("model.onnx"), model.resolve("onnx/model_q4.onnx"));
    OnnxBackend backend = new OnnxBackend();
    try (var opened = (OnnxLanguageModel) backend.create(
        new OnnxBackend.Options(model, 1, "cpu", 8, "auto", false, "onnx/model_q4.onnx"))) {
      assertThat(opened.info().properties()).containsEntry("modelFile", "onnx/model_q4.onnx");
    }
    assertThatThrownBy(() -> backend.create(
            new OnnxBackend.Options(model, 1, "cpu", 8, "auto", false, "onnx/model_int8.onnx")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("has no model file onnx/model_int8.onnx (option file); its ONNX"
            + " files: [onnx/model_q4.onnx]");
    assertThat(backend.contentFingerprint(
            new OnnxBackend.Options(model, 1, "cpu", 8, "auto", false, "onnx/model_q4.onnx")))
        .isPresent();
  }

  @Test
  void aCheckpointDirectoryIsFingerprintedByItsWeights() throws Exception {
    Path checkpoint =
        RandomCheckpoints.write(dir.resolve("hf"), "llama", TensorType.BF16, 1L << 30, 3);
    String first = ModelContentHash.of(checkpoint);
    assertThat(ModelContentHash.of(checkpoint)).isEqualTo(first);
    RandomCheckpoints.write(dir.resolve("hf"), "llama", TensorType.BF16, 1L << 30, 4);
    assertThat(ModelContentHash.of(checkpoint)).isNotEqualTo(first);
  }
}
