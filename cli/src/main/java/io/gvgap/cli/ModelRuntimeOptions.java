package io.gvgap.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that open a local ONNX model. */
final class ModelRuntimeOptions {

  @Option(names = "--threads", defaultValue = "0", description = "ONNX Runtime intra-op threads (0 = its default).")
  int threads;

  @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda (needs the onnxruntime_gpu build, CUDA 12 and cuDNN 9).")
  String device;

  @Option(names = "--max-batch-rows", defaultValue = "64", description = "Most sequences per ONNX Runtime call.")
  int maxBatchRows;
}
