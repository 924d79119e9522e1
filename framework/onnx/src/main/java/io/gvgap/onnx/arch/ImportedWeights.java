package io.gvgap.onnx.arch;

import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.proto.OnnxProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical weights ({@link HfWeights}) back from an imported {@code model.onnx}: its float
 * initializers named {@code *.weight} or {@code *.bias}, so that gvgap can rebuild the runtime
 * graphs ({@link ArchitectureStepGraph}) from the directory alone.
 */
public final class ImportedWeights {
  /** The metadata key an imported model.onnx carries, with its model type. */
  public static final String METADATA_KEY = "gvgap.imported";

  private ImportedWeights() {}

  /** Reads the weights of {@code modelFile}. */
  public static Map<String, float[]> read(Path modelFile) throws IOException {
    OnnxProto.ModelProto model;
    try (InputStream in = Files.newInputStream(modelFile)) {
      model = OnnxProto.ModelProto.parseFrom(in);
    }
    Map<String, float[]> weights = new LinkedHashMap<>();
    for (OnnxProto.TensorProto tensor : model.getGraph().getInitializerList()) {
      String name = tensor.getName();
      if (tensor.getDataType() == ElementType.FLOAT.onnxCode()
          && (name.endsWith(".weight") || name.endsWith(".bias"))) {
        FloatBuffer values = tensor
            .getRawData()
            .asReadOnlyByteBuffer()
            .order(ByteOrder.LITTLE_ENDIAN)
            .asFloatBuffer();
        float[] data = new float[values.remaining()];
        values.get(data);
        weights.put(name, data);
      }
    }
    return weights;
  }
}
