package io.gvgap.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that open a local ONNX model; out-of-range values are usage errors. */
final class ModelRuntimeOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  int threads;

  String device;

  int maxBatchRows;

  @Option(
      names = "--threads",
      defaultValue = "0",
      description = "ONNX Runtime intra-op threads (0 = its default).")
  void setThreads(int threads) {
    if (threads < 0) {
      throw new ParameterException(
          command.commandLine(),
          "--threads " + threads + ": give 0 (ONNX Runtime chooses) or"
              + " a positive number of threads");
    }
    this.threads = threads;
  }

  @Option(
      names = "--device",
      defaultValue = "cpu",
      description = "cpu or cuda (needs the onnxruntime_gpu build, CUDA 12 and cuDNN 9).")
  void setDevice(String device) {
    String lower = device.toLowerCase(Locale.ROOT);
    if (!lower.equals("cpu") && !lower.equals("cuda")) {
      throw new ParameterException(
          command.commandLine(), "--device " + device + ": the device is cpu or cuda");
    }
    this.device = lower;
  }

  @Option(
      names = "--max-batch-rows",
      defaultValue = "64",
      description = "Most sequences per ONNX Runtime call.")
  void setMaxBatchRows(int maxBatchRows) {
    if (maxBatchRows < 1) {
      throw new ParameterException(
          command.commandLine(), "--max-batch-rows " + maxBatchRows + ": give at least 1");
    }
    this.maxBatchRows = maxBatchRows;
  }
}
