package io.gvgap.onnx.runtime;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Finds the external-data files an ONNX model names, reading the model as a protobuf stream: only
 * the messages that can hold a tensor are entered, and everything else (raw weights included) is
 * skipped, so a model of any size is read with a small, fixed amount of memory.
 *
 * <p>ONNX stores a large tensor outside the model file when its {@code TensorProto} has entries in
 * {@code external_data} (field 13); the entry with key {@code location} is a path relative to the
 * model file's folder. Tensors sit in graph initializers, sparse initializers and node attributes,
 * and graphs nest inside attributes (the branches of {@code If}, the body of {@code Loop}), so the
 * scan follows all of those. Field numbers come from gvgap's onnx.proto ({@link OnnxProto}), the
 * ONNX specification's.
 */
final class ExternalDataLocations {

  private static final int MODEL_GRAPH = OnnxProto.ModelProto.GRAPH_FIELD_NUMBER;
  private static final int GRAPH_NODE = OnnxProto.GraphProto.NODE_FIELD_NUMBER;
  private static final int GRAPH_INITIALIZER = OnnxProto.GraphProto.INITIALIZER_FIELD_NUMBER;
  private static final int GRAPH_SPARSE_INITIALIZER =
      OnnxProto.GraphProto.SPARSE_INITIALIZER_FIELD_NUMBER;
  private static final int NODE_ATTRIBUTE = OnnxProto.NodeProto.ATTRIBUTE_FIELD_NUMBER;
  private static final int ATTRIBUTE_TENSOR = OnnxProto.AttributeProto.T_FIELD_NUMBER;
  private static final int ATTRIBUTE_GRAPH = OnnxProto.AttributeProto.G_FIELD_NUMBER;
  private static final int ATTRIBUTE_TENSORS = OnnxProto.AttributeProto.TENSORS_FIELD_NUMBER;
  private static final int ATTRIBUTE_GRAPHS = OnnxProto.AttributeProto.GRAPHS_FIELD_NUMBER;
  private static final int ATTRIBUTE_SPARSE_TENSOR =
      OnnxProto.AttributeProto.SPARSE_TENSOR_FIELD_NUMBER;
  private static final int ATTRIBUTE_SPARSE_TENSORS =
      OnnxProto.AttributeProto.SPARSE_TENSORS_FIELD_NUMBER;
  private static final int SPARSE_VALUES = OnnxProto.SparseTensorProto.VALUES_FIELD_NUMBER;
  private static final int SPARSE_INDICES = OnnxProto.SparseTensorProto.INDICES_FIELD_NUMBER;
  private static final int TENSOR_EXTERNAL_DATA = OnnxProto.TensorProto.EXTERNAL_DATA_FIELD_NUMBER;
  private static final int ENTRY_KEY = OnnxProto.StringStringEntryProto.KEY_FIELD_NUMBER;
  private static final int ENTRY_VALUE = OnnxProto.StringStringEntryProto.VALUE_FIELD_NUMBER;

  /** The kinds of message the scan enters; every other field is skipped unread. */
  private enum Kind {
    MODEL,
    GRAPH,
    NODE,
    ATTRIBUTE,
    SPARSE_TENSOR,
    TENSOR
  }

  private ExternalDataLocations() {}

  /**
   * The {@code location} of every external-data entry of the model read from {@code input} (which
   * must hold one whole {@code ModelProto}), sorted and without duplicates.
   *
   * @throws IOException when the stream cannot be read or is not a protobuf message
   */
  static SortedSet<String> read(CodedInputStream input) throws IOException {
    SortedSet<String> locations = new TreeSet<>();
    readMessage(input, Kind.MODEL, locations);
    return locations;
  }

  private static void readMessage(CodedInputStream input, Kind kind, SortedSet<String> locations)
      throws IOException {
    while (true) {
      int tag = input.readTag();
      if (tag == 0) {
        return;
      }
      int field = WireFormat.getTagFieldNumber(tag);
      boolean delimited = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      Kind child = delimited ? childKind(kind, field) : null;
      if (kind == Kind.TENSOR && field == TENSOR_EXTERNAL_DATA && delimited) {
        String location = readLocationEntry(input);
        if (location != null) {
          locations.add(location);
        }
      } else if (child != null) {
        int limit = input.pushLimit(input.readRawVarint32());
        readMessage(input, child, locations);
        input.popLimit(limit);
      } else if (!input.skipField(tag)) {
        return;
      }
    }
  }

  /** The kind of the message in {@code field} of a {@code parent} message, or null to skip the field. */
  private static Kind childKind(Kind parent, int field) {
    return switch (parent) {
      case MODEL -> field == MODEL_GRAPH ? Kind.GRAPH : null;
      case GRAPH ->
        switch (field) {
          case GRAPH_NODE -> Kind.NODE;
          case GRAPH_INITIALIZER -> Kind.TENSOR;
          case GRAPH_SPARSE_INITIALIZER -> Kind.SPARSE_TENSOR;
          default -> null;
        };
      case NODE -> field == NODE_ATTRIBUTE ? Kind.ATTRIBUTE : null;
      case ATTRIBUTE ->
        switch (field) {
          case ATTRIBUTE_TENSOR, ATTRIBUTE_TENSORS -> Kind.TENSOR;
          case ATTRIBUTE_GRAPH, ATTRIBUTE_GRAPHS -> Kind.GRAPH;
          case ATTRIBUTE_SPARSE_TENSOR, ATTRIBUTE_SPARSE_TENSORS -> Kind.SPARSE_TENSOR;
          default -> null;
        };
      case SPARSE_TENSOR -> field == SPARSE_VALUES || field == SPARSE_INDICES ? Kind.TENSOR : null;
      case TENSOR -> null;
    };
  }

  /** Reads one {@code StringStringEntryProto}; its value when its key is {@code location}, else null. */
  private static String readLocationEntry(CodedInputStream input) throws IOException {
    int limit = input.pushLimit(input.readRawVarint32());
    String key = null;
    String value = null;
    while (!input.isAtEnd()) {
      int tag = input.readTag();
      int field = WireFormat.getTagFieldNumber(tag);
      if (field == ENTRY_KEY
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        key = input.readStringRequireUtf8();
      } else if (field == ENTRY_VALUE
          && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        value = input.readStringRequireUtf8();
      } else {
        input.skipField(tag);
      }
    }
    input.popLimit(limit);
    return "location".equals(key) ? value : null;
  }
}
