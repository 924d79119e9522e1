package io.gvgap.onnx.arch;

import io.gvgap.onnx.checkpoint.HalfFloats;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical weights ({@link HfWeights}) back from an imported {@code model.onnx} at the
 * precision they were written in ({@link DecoderWeights}), so that gvgap can rebuild the runtime
 * graphs ({@link ArchitectureStepGraph}) from the directory alone: float initializers named {@code
 * *.weight} or {@code *.bias}; fp16 matrices ({@code NAME.f16}) widened; block-quantised matrices
 * ({@code NAME.codes}, {@code NAME.scales}) with their sizes from the {@code MatMulNBits} node that
 * reads them.
 */
public final class ImportedWeights {
  /** The metadata key an imported model.onnx carries, with its model type. */
  public static final String METADATA_KEY = "gvgap.imported";

  private ImportedWeights() {}

  /** Reads the weights of {@code modelFile}. */
  public static DecoderWeights read(Path modelFile) throws IOException {
    OnnxProto.ModelProto model;
    try (InputStream in = Files.newInputStream(modelFile)) {
      model = OnnxProto.ModelProto.parseFrom(in);
    }
    Map<String, OnnxProto.NodeProto> nbitsByCodes = new HashMap<>();
    for (OnnxProto.NodeProto node : model.getGraph().getNodeList()) {
      if (node.getOpType().equals("MatMulNBits")) {
        nbitsByCodes.put(node.getInput(1), node);
      }
    }
    Map<String, OnnxProto.TensorProto> tensors = new LinkedHashMap<>();
    model.getGraph().getInitializerList().forEach(t -> tensors.put(t.getName(), t));
    Map<String, float[]> floats = new LinkedHashMap<>();
    Map<String, BlockQuantizedMatrix> quantized = new LinkedHashMap<>();
    WeightPrecision precision = WeightPrecision.FP32;
    for (OnnxProto.TensorProto tensor : tensors.values()) {
      String name = tensor.getName();
      ByteBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      if (name.endsWith(ArchitectureLayers.HALF)
          && tensor.getDataType() == ElementType.FLOAT16.onnxCode()) {
        float[] values = new float[raw.remaining() / 2];
        for (int i = 0; i < values.length; i++) {
          values[i] = HalfFloats.f16ToFloat(raw.getShort(2 * i));
        }
        floats.put(name.substring(0, name.length() - ArchitectureLayers.HALF.length()), values);
        precision = WeightPrecision.FP16;
      } else if (name.endsWith(ArchitectureLayers.CODES) && nbitsByCodes.containsKey(name)) {
        String matrix = name.substring(0, name.length() - ArchitectureLayers.CODES.length());
        OnnxProto.NodeProto node = nbitsByCodes.get(name);
        Map<String, Long> attributes = new HashMap<>();
        node.getAttributeList().forEach(a -> attributes.put(a.getName(), a.getI()));
        byte[] packed = new byte[raw.remaining()];
        raw.get(packed);
        FloatBuffer scaleValues = tensors
            .get(matrix + ArchitectureLayers.SCALES)
            .getRawData()
            .asReadOnlyByteBuffer()
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
        float[] scales = new float[scaleValues.remaining()];
        scaleValues.get(scales);
        int bits = attributes.get("bits").intValue();
        quantized.put(
            matrix,
            new BlockQuantizedMatrix(
                attributes.get("K").intValue(),
                attributes.get("N").intValue(),
                bits,
                attributes.get("block_size").intValue(),
                packed,
                scales));
        precision = bits == 8 ? WeightPrecision.INT8 : WeightPrecision.INT4;
      } else if (tensor.getDataType() == ElementType.FLOAT.onnxCode()
          && (name.endsWith(".weight") || name.endsWith(".bias"))) {
        FloatBuffer values = raw.asFloatBuffer();
        float[] data = new float[values.remaining()];
        values.get(data);
        floats.put(name, data);
      }
    }
    return new DecoderWeights(floats, quantized, precision);
  }
}
