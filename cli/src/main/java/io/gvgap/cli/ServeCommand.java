package io.gvgap.cli;

import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerLimits;
import io.gvgap.server.ServerOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gvgap serve MODEL_DIR}: an OpenAI-compatible server over a local ONNX model. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a local ONNX model over the OpenAI-compatible API (Jetty).",
      "Endpoints: POST /v1/completions (n, logprobs, echo), POST /v1/chat/completions, GET /v1/models, GET /health,",
      "GET /stats. Request bodies, prompts, tokens and the queue are bounded (--max-* options). Prints the URL",
      "on start; Ctrl-C (SIGINT) or SIGTERM stops it after requests in flight (503 for what is left after 10 s)."
    })
final class ServeCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "MODEL_DIR",
      description = "Model directory (Optimum layout or a gvgap model).")
  Path model;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Interface to bind (default ${DEFAULT-VALUE}; 0.0.0.0 serves other machines: set "
              + "--api-key-env then, or a warning is printed).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8000",
      description = "TCP port; 0 picks a free one (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--workers",
      defaultValue = "4",
      description =
          "Requests handled at once; more wait in arrival order (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--served-name",
      description = "Model name clients send (default: the directory name).")
  String servedName;

  @Option(
      names = "--max-body-bytes",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_BODY_BYTES,
      paramLabel = "BYTES",
      description =
          "Largest request body; larger ones get 413 before they are read (default ${DEFAULT-VALUE}).")
  long maxBodyBytes;

  @Option(
      names = "--max-prompts",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_PROMPTS,
      paramLabel = "N",
      description =
          "Most prompts in one completions request; more get 400 (default ${DEFAULT-VALUE}).")
  int maxPrompts;

  @Option(
      names = "--max-request-tokens",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_REQUEST_TOKENS,
      paramLabel = "TOKENS",
      description = "Most tokens one request may ask to generate, n x max_tokens x prompts; "
          + "more get 400 (default ${DEFAULT-VALUE}).")
  long maxRequestTokens;

  @Option(
      names = "--max-queued",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_QUEUED,
      paramLabel = "N",
      description = "Completion requests that may wait for a worker; more get 503 with Retry-After "
          + "(default ${DEFAULT-VALUE}).")
  int maxQueued;

  @Option(
      names = "--max-connections",
      defaultValue = "" + ServerLimits.DEFAULT_MAX_CONNECTIONS,
      paramLabel = "N",
      description =
          "Open connections at most; more wait until one closes (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--api-key-env",
      paramLabel = "VAR",
      description =
          "Require the API key held in this environment variable (Authorization: Bearer).")
  String apiKeyEnv;

  @Mixin
  ModelRuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65_535) {
      throw new UsageException(
          "--port " + port + ": a TCP port is between 1 and 65535 (0 picks a free one)");
    }
    String name = servedName != null
        ? servedName
        : model.toAbsolutePath().normalize().getFileName().toString();
    String apiKey = null;
    if (apiKeyEnv != null) {
      apiKey = System.getenv(apiKeyEnv);
      if (apiKey == null || apiKey.isBlank()) {
        throw new IllegalArgumentException(
            "--api-key-env " + apiKeyEnv + ": that environment variable is not set");
      }
    }
    ServerLimits limits = ServerLimits.defaults()
        .withRequestLimits(maxBodyBytes, maxPrompts, maxRequestTokens)
        .withMaxQueued(maxQueued)
        .withMaxConnections(maxConnections);
    ServerOptions options = new ServerOptions(host, port, name, workers, apiKey, 10_000, limits);
    OnnxLanguageModel onnx =
        OnnxLanguageModel.open(model, runtime.threads, runtime.device, runtime.maxBatchRows);
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
        + (apiKey == null ? ", no API key" : ", API key required") + ")");
    System.out.flush();
    server.join();
    return ExitCodes.OK;
  }
}
