package io.gvgap.onnx.runtime;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Half-precision model interfaces converted at the boundary: an ONNX decoder whose inputs or
 * outputs are fp16 (an Optimum {@code --fp16} export: past keys and values, logits, presents) is
 * rewritten so that they are fp32, with a Cast after each such input and before each such output;
 * the model inside runs as exported. gvgap's engine then feeds and reads it as any fp32 decoder.
 * The rewritten model is written into a temporary directory beside links to the model's external
 * data files, so weights are neither copied nor loaded twice.
 */
final class Fp16Boundary {
  private static final int FLOAT = ElementType.FLOAT.onnxCode();
  private static final int FLOAT16 = ElementType.FLOAT16.onnxCode();

  private Fp16Boundary() {}

  /** Whether the model has an fp16 graph input or output. */
  static boolean needed(OnnxProto.ModelProto model) {
    for (OnnxProto.ValueInfoProto value : values(model.getGraph())) {
      if (elementType(value) == FLOAT16) {
        return true;
      }
    }
    return false;
  }

  /** Reads the model's structure (external weights stay where they are). */
  static OnnxProto.ModelProto read(Path modelFile) throws IOException {
    try (InputStream in = Files.newInputStream(modelFile)) {
      return OnnxProto.ModelProto.parseFrom(in);
    }
  }

  /**
   * Writes the converted model into {@code directory} (with links to the external data files
   * {@code locations}, relative to the model's folder) and returns its file.
   */
  static Path convert(
      OnnxProto.ModelProto model, Path modelFile, List<String> locations, Path directory)
      throws IOException {
    OnnxProto.GraphProto.Builder graph = model.getGraph().toBuilder();
    Set<String> inputs = new HashSet<>();
    for (int i = 0; i < graph.getInputCount(); i++) {
      if (elementType(graph.getInput(i)) == FLOAT16) {
        inputs.add(graph.getInput(i).getName());
        graph.setInput(i, withElementType(graph.getInput(i), FLOAT));
      }
    }
    Set<String> outputs = new HashSet<>();
    for (int i = 0; i < graph.getOutputCount(); i++) {
      if (elementType(graph.getOutput(i)) == FLOAT16) {
        outputs.add(graph.getOutput(i).getName());
        graph.setOutput(i, withElementType(graph.getOutput(i), FLOAT));
      }
    }
    List<OnnxProto.NodeProto> nodes = new ArrayList<>();
    for (String input : inputs) {
      nodes.add(cast(input, input + "_gvgap_f16", FLOAT16));
    }
    for (OnnxProto.NodeProto node : graph.getNodeList()) {
      OnnxProto.NodeProto.Builder renamed = node.toBuilder();
      for (int i = 0; i < renamed.getInputCount(); i++) {
        String name = renamed.getInput(i);
        if (inputs.contains(name)) {
          renamed.setInput(i, name + "_gvgap_f16");
        } else if (outputs.contains(name)) {
          renamed.setInput(i, name + "_gvgap_f16");
        }
      }
      for (int i = 0; i < renamed.getOutputCount(); i++) {
        if (outputs.contains(renamed.getOutput(i))) {
          renamed.setOutput(i, renamed.getOutput(i) + "_gvgap_f16");
        }
      }
      nodes.add(renamed.build());
    }
    for (String output : outputs) {
      nodes.add(cast(output + "_gvgap_f16", output, FLOAT));
    }
    graph.clearNode().addAllNode(nodes);
    Files.createDirectories(directory);
    Path converted = directory.resolve(modelFile.getFileName().toString());
    try (OutputStream out = Files.newOutputStream(converted)) {
      model.toBuilder().setGraph(graph).build().writeTo(out);
    }
    Path folder = modelFile.toAbsolutePath().getParent();
    for (String location : locations) {
      Path link = directory.resolve(location);
      Files.createDirectories(link.toAbsolutePath().getParent());
      Files.createSymbolicLink(link, folder.resolve(location));
    }
    return converted;
  }

  private static OnnxProto.NodeProto cast(String from, String to, int type) {
    return OnnxProto.NodeProto.newBuilder()
        .setOpType("Cast")
        .setName("gvgap_boundary_" + to)
        .addInput(from)
        .addOutput(to)
        .addAttribute(OnnxProto.AttributeProto.newBuilder()
            .setName("to")
            .setType(OnnxProto.AttributeProto.AttributeType.INT)
            .setI(type))
        .build();
  }

  private static List<OnnxProto.ValueInfoProto> values(OnnxProto.GraphProto graph) {
    List<OnnxProto.ValueInfoProto> values = new ArrayList<>(graph.getInputList());
    values.addAll(graph.getOutputList());
    return values;
  }

  private static int elementType(OnnxProto.ValueInfoProto value) {
    return value.getType().getTensorType().getElemType();
  }

  private static OnnxProto.ValueInfoProto withElementType(
      OnnxProto.ValueInfoProto value, int type) {
    OnnxProto.ValueInfoProto.Builder builder = value.toBuilder();
    builder.getTypeBuilder().getTensorTypeBuilder().setElemType(type);
    return builder.build();
  }
}
