package io.gvgap.cli;

import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gvgap serve MODEL_DIR}: an OpenAI-compatible server over a local ONNX model. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve a local ONNX model over the OpenAI-compatible API (Jetty).",
        "Endpoints: POST /v1/completions (n, logprobs, echo), POST /v1/chat/completions, GET /v1/models, GET /health,",
        "GET /stats. Prints the URL on start; Ctrl-C (SIGINT) or SIGTERM stops it after requests in flight."})
final class ServeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "MODEL_DIR", description = "Model directory (Optimum layout or a gvgap model).")
  Path model;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Interface to bind (default ${DEFAULT-VALUE}; 0.0.0.0 serves other machines).")
  String host;

  @Option(names = "--port", defaultValue = "8000", description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--workers", defaultValue = "4",
      description = "Requests handled at once; more wait in arrival order (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--served-name", description = "Model name clients send (default: the directory name).")
  String servedName;

  @Option(names = "--fail-rate", defaultValue = "0",
      description = "Fault injection for tests and benchmarks: answer this share of completion requests with "
          + "HTTP 500 (default ${DEFAULT-VALUE}).")
  double failRate;

  @Option(names = "--fail-seed", defaultValue = "0", description = "Seed of the fault-injection draws (default ${DEFAULT-VALUE}).")
  long failSeed;

  @Option(names = "--api-key-env", paramLabel = "VAR",
      description = "Require the API key held in this environment variable (Authorization: Bearer).")
  String apiKeyEnv;

  @Mixin
  ModelRuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port " + port + ": a TCP port is between 1 and 65535 (0 picks a free one)");
    }
    String name = servedName != null ? servedName : model.toAbsolutePath().normalize().getFileName().toString();
    String apiKey = null;
    if (apiKeyEnv != null) {
      apiKey = System.getenv(apiKeyEnv);
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException("--api-key-env " + apiKeyEnv + ": that environment variable is not set");
      }
    }
    ServerOptions options = new ServerOptions(host, port, name, workers, failRate, failSeed, apiKey, 10_000);
    OnnxLanguageModel onnx = OnnxLanguageModel.open(model, runtime.threads, runtime.device, runtime.maxBatchRows);
    OpenAiServer server;
    try {
      server = OpenAiServer.start(onnx, new OnnxTokenBoundaries(onnx), options, System.err);
    } catch (RuntimeException e) {
      onnx.close();
      throw e;
    }
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        server.close();
        onnx.close();
        System.err.println("gvgap serve: stopped");
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "gvgap-serve-stop"));
    System.out.println("gvgap serve: " + name + " at " + server.baseUri() + " (workers " + workers
        + (failRate > 0 ? ", fail rate " + failRate : "") + ")");
    System.out.flush();
    server.join();
    return ExitCodes.OK;
  }
}
