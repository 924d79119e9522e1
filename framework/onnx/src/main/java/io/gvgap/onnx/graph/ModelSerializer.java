package io.gvgap.onnx.graph;

import com.google.protobuf.ByteString;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a {@link Graph} into an ONNX {@code ModelProto} (IR version 8, default-domain opset 17)
 * and writes model files. Weights are stored as little-endian {@code raw_data}, as the ONNX
 * specification requires.
 */
public final class ModelSerializer {
  /** ONNX IR version written: 8 is the IR of opset 17. */
  public static final long IR_VERSION = 8;
  /** Default-domain operator set written: 17 is the first with LayerNormalization. */
  public static final long OPSET = 17;
  /** Operator set of any other domain a node uses (ONNX Runtime's {@code com.microsoft} is 1). */
  public static final long CONTRIB_OPSET = 1;

  private ModelSerializer() {}

  /** The model protobuf for this graph, with optional metadata properties. */
  public static OnnxProto.ModelProto toModel(Graph graph, Map<String, String> metadata) {
    OnnxProto.ModelProto.Builder model = OnnxProto.ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("gvgap")
        .setProducerVersion("0.1.0")
        .addOpsetImport(OnnxProto.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
    // nodes of other domains (ONNX Runtime's com.microsoft contrib operators) need their own import
    graph.nodes().stream()
        .map(Node::domain)
        .filter(domain -> !domain.isEmpty())
        .distinct()
        .sorted()
        .forEach(domain -> model.addOpsetImport(
            OnnxProto.OperatorSetIdProto.newBuilder().setDomain(domain).setVersion(CONTRIB_OPSET)));
    model.setGraph(toGraph(graph));
    metadata.forEach((key, value) -> model.addMetadataProps(
        OnnxProto.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
    return model.build();
  }

  /** Writes the graph as an ONNX model file, replacing any file there. */
  public static void write(Graph graph, Map<String, String> metadata, Path file)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      toModel(graph, metadata).writeTo(out);
    }
  }

  /** The graph protobuf. */
  public static OnnxProto.GraphProto toGraph(Graph graph) {
    OnnxProto.GraphProto.Builder proto = OnnxProto.GraphProto.newBuilder().setName(graph.name());
    graph.inputs().forEach(input -> proto.addInput(valueInfo(input)));
    graph.outputs().forEach(output -> proto.addOutput(valueInfo(output)));
    graph.initializers().forEach(initializer -> proto.addInitializer(tensor(initializer)));
    for (Node node : graph.nodes()) {
      OnnxProto.NodeProto.Builder nodeProto = OnnxProto.NodeProto.newBuilder()
          .setOpType(node.opType())
          .setName(node.name())
          .addAllInput(node.inputs())
          .addAllOutput(node.outputs());
      if (!node.domain().isEmpty()) {
        nodeProto.setDomain(node.domain());
      }
      node.attributes()
          .forEach((name, value) -> nodeProto.addAttribute(attribute(node, name, value)));
      proto.addNode(nodeProto);
    }
    return proto.build();
  }

  /** A tensor protobuf holding the initializer's values as little-endian raw data. */
  public static OnnxProto.TensorProto tensor(Initializer initializer) {
    OnnxProto.TensorProto.Builder tensor = OnnxProto.TensorProto.newBuilder()
        .setName(initializer.name())
        .setDataType(initializer.type().onnxCode());
    for (long dim : initializer.shape()) {
      tensor.addDims(dim);
    }
    if (initializer.bytes() != null) {
      return tensor.setRawData(ByteString.copyFrom(initializer.bytes())).build();
    }
    ByteBuffer bytes;
    if (initializer.type() == ElementType.FLOAT) {
      bytes = ByteBuffer.allocate(initializer.floats().length * Float.BYTES)
          .order(ByteOrder.LITTLE_ENDIAN);
      bytes.asFloatBuffer().put(initializer.floats());
    } else {
      bytes = ByteBuffer.allocate(initializer.longs().length * Long.BYTES)
          .order(ByteOrder.LITTLE_ENDIAN);
      bytes.asLongBuffer().put(initializer.longs());
    }
    return tensor.setRawData(ByteString.copyFrom(bytes.array())).build();
  }

  private static OnnxProto.ValueInfoProto valueInfo(ValueInfo value) {
    OnnxProto.TensorShapeProto.Builder shape = OnnxProto.TensorShapeProto.newBuilder();
    for (Object dim : value.dims()) {
      OnnxProto.TensorShapeProto.Dimension.Builder dimension =
          OnnxProto.TensorShapeProto.Dimension.newBuilder();
      if (dim instanceof Long size) {
        dimension.setDimValue(size);
      } else {
        dimension.setDimParam((String) dim);
      }
      shape.addDim(dimension);
    }
    return OnnxProto.ValueInfoProto.newBuilder()
        .setName(value.name())
        .setType(OnnxProto.TypeProto.newBuilder()
            .setTensorType(OnnxProto.TypeProto.Tensor.newBuilder()
                .setElemType(value.type().onnxCode())
                .setShape(shape)))
        .build();
  }

  private static OnnxProto.AttributeProto attribute(Node node, String name, Object value) {
    OnnxProto.AttributeProto.Builder attribute =
        OnnxProto.AttributeProto.newBuilder().setName(name);
    if (value instanceof Long || value instanceof Integer) {
      attribute
          .setType(OnnxProto.AttributeProto.AttributeType.INT)
          .setI(((Number) value).longValue());
    } else if (value instanceof Float || value instanceof Double) {
      attribute
          .setType(OnnxProto.AttributeProto.AttributeType.FLOAT)
          .setF(((Number) value).floatValue());
    } else if (value instanceof String text) {
      attribute
          .setType(OnnxProto.AttributeProto.AttributeType.STRING)
          .setS(ByteString.copyFrom(text, StandardCharsets.UTF_8));
    } else if (value instanceof long[] longs) {
      attribute.setType(OnnxProto.AttributeProto.AttributeType.INTS);
      for (long element : longs) {
        attribute.addInts(element);
      }
    } else if (value instanceof int[] ints) {
      attribute.setType(OnnxProto.AttributeProto.AttributeType.INTS);
      for (int element : ints) {
        attribute.addInts(element);
      }
    } else if (value instanceof float[] floats) {
      attribute.setType(OnnxProto.AttributeProto.AttributeType.FLOATS);
      for (float element : floats) {
        attribute.addFloats(element);
      }
    } else if (value instanceof Initializer tensor) {
      attribute.setType(OnnxProto.AttributeProto.AttributeType.TENSOR).setT(tensor(tensor));
    } else {
      throw new IllegalArgumentException(
          "node '" + node.name() + "' attribute '" + name + "': unsupported value type "
              + (value == null ? "null" : value.getClass().getName()));
    }
    return attribute.build();
  }
}
