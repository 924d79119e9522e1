package io.gvgap.onnx.graph;

/** Tensor element types gvgap's graphs use, with their ONNX {@code TensorProto.DataType} codes. */
public enum ElementType {
  /** 32-bit float. */
  FLOAT(1),
  /** 8-bit unsigned integer (packed block-quantised weights). */
  UINT8(2),
  /** 32-bit signed integer. */
  INT32(6),
  /** 64-bit signed integer (token ids, shapes, indices). */
  INT64(7),
  /** Boolean. */
  BOOL(9),
  /** 16-bit float (third-party models' tensors; gvgap's fp16 imports store weights in it). */
  FLOAT16(10);

  private final int onnxCode;

  ElementType(int onnxCode) {
    this.onnxCode = onnxCode;
  }

  /** The ONNX {@code TensorProto.DataType} value. */
  public int onnxCode() {
    return onnxCode;
  }
}
