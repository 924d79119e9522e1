package io.gvgap.cli;

import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.server.LoadBenchmark;
import io.gvgap.server.LoadResult;
import io.gvgap.server.OpenAiServer;
import io.gvgap.server.ServerOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gvgap bench-serve}: throughput and latency of an OpenAI-compatible server at several concurrencies. */
@Command(name = "bench-serve", mixinStandardHelpOptions = true,
    description = {"Load benchmark of gvgap serve: requests/s, tokens/s and latency at each concurrency.",
        "Starts gvgap serve on loopback for a model (or targets --url) and sends a fixed completions workload at",
        "each concurrency; prints requests/s, generated tokens/s and p50/p99 latency (nearest rank, from",
        "per-request latencies)."})
final class BenchServeCommand implements Callable<Integer> {

  @Option(names = "--model", defaultValue = "models/arith-s", description = "Model directory to serve (default ${DEFAULT-VALUE}).")
  Path model;

  @Option(names = "--url", description = "Benchmark this running server (API root, e.g. http://host:8000/v1) instead.")
  String url;

  @Option(names = "--served-name", description = "Model name to send (default: the model directory's name).")
  String servedName;

  @Option(names = "--concurrency", split = ",", defaultValue = "1,4,16",
      description = "Concurrency levels (default ${DEFAULT-VALUE}).")
  List<Integer> concurrency;

  @Option(names = "--requests", defaultValue = "48", description = "Requests per level (default ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--max-tokens", defaultValue = "64", description = "max_tokens per request (default ${DEFAULT-VALUE}).")
  int maxTokens;

  @Option(names = "--samples", defaultValue = "1", description = "n per request (default ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--workers", defaultValue = "16", description = "Server workers when it is started here (default ${DEFAULT-VALUE}).")
  int workers;

  @Mixin
  ModelRuntimeOptions runtime;

  @Override
  public Integer call() throws Exception {
    String name = servedName != null ? servedName : model.toAbsolutePath().normalize().getFileName().toString();
    OnnxLanguageModel onnx = null;
    OpenAiServer server = null;
    try {
      String base = url;
      if (base == null) {
        onnx = OnnxLanguageModel.open(model, runtime.threads, runtime.device, runtime.maxBatchRows);
        server = OpenAiServer.start(onnx, new OnnxTokenBoundaries(onnx),
            ServerOptions.loopback(name).withPortAndWorkers(0, workers), System.err);
        base = server.baseUri().toString();
      }
      LoadBenchmark benchmark = new LoadBenchmark(base, name, maxTokens, samples);
      System.out.printf(Locale.ROOT, "gvgap bench-serve: %s at %s, %d requests per level, max_tokens %d, n %d, "
          + "%d CPUs, load average %.2f%n", name, base, requests, maxTokens, samples,
          Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      benchmark.run(1, Math.min(4, requests)); // warm-up: JIT, ONNX Runtime allocations, connections
      List<LoadResult> results = new ArrayList<>();
      for (int c : concurrency) {
        results.add(benchmark.run(c, requests));
      }
      System.out.print(LoadBenchmark.table(results));
      System.out.printf(Locale.ROOT, "load average after: %.2f%n",
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      return ExitCodes.OK;
    } finally {
      if (server != null) {
        server.close();
      }
      if (onnx != null) {
        onnx.close();
      }
    }
  }
}
