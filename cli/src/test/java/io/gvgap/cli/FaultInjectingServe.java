package io.gvgap.cli;

import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import io.gvgap.testing.FaultInjectingModel;
import java.nio.file.Path;

/**
 * {@code gvgap serve} for fault tests, run as a child JVM: the same server over an ONNX model whose
 * calls fail at a seeded rate (fault injection lives in test code only). Arguments: MODEL_DIR PORT
 * FAIL_RATE FAIL_SEED. Prints {@code gvgap serve: NAME at URL} like the real command; each injected
 * fault is logged by the server as a 500 whose message contains {@code injected fault}.
 */
final class FaultInjectingServe {
  private FaultInjectingServe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    OnnxLanguageModel onnx = OnnxLanguageModel.open(dir, 1, "cpu", 64);
    FaultInjectingModel faulty =
        new FaultInjectingModel(onnx, Double.parseDouble(args[2]), Long.parseLong(args[3]));
    String name = dir.getFileName().toString();
    OpenAiServer server = OpenAiServer.start(
        faulty,
        new OnnxTokenBoundaries(onnx),
        ServerOptions.loopback(name).withPortAndWorkers(Integer.parseInt(args[1]), 4),
        System.err);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      onnx.close();
    }));
    System.out.println("gvgap serve: " + name + " at " + server.baseUri());
    System.out.flush();
    server.join();
  }
}
