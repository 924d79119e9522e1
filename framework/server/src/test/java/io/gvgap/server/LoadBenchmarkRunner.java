package io.gvgap.server;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link LoadBenchmark} against a running server and prints the table; skipped unless
 * {@code gvgap.bench.url} is set, so ordinary builds never run it. Start a server, then:
 *
 * <pre>
 * ./gvgap serve models/arith-s --port 8000 --workers 16 &amp;
 * mvn -pl framework/server test -Dtest=LoadBenchmarkRunner -Dgvgap.bench.url=http://127.0.0.1:8000/v1 \
 *     -Dgvgap.bench.model=arith-s [-Dgvgap.bench.concurrency=1,4,16] [-Dgvgap.bench.requests=48] \
 *     [-Dgvgap.bench.maxTokens=64] [-Dgvgap.bench.samples=1]
 * </pre>
 */
class LoadBenchmarkRunner {

  @Test
  @EnabledIfSystemProperty(named = "gvgap.bench.url", matches = "https?://.+")
  void measure() throws Exception {
    String url = System.getProperty("gvgap.bench.url");
    String model = System.getProperty("gvgap.bench.model", "arith-s");
    List<Integer> levels = Arrays.stream(
            System.getProperty("gvgap.bench.concurrency", "1,4,16").split(","))
        .map(String::trim)
        .map(Integer::parseInt)
        .toList();
    int requests = Integer.getInteger("gvgap.bench.requests", 48);
    int maxTokens = Integer.getInteger("gvgap.bench.maxTokens", 64);
    int samples = Integer.getInteger("gvgap.bench.samples", 1);
    LoadBenchmark benchmark = new LoadBenchmark(url, model, maxTokens, samples);
    System.out.printf(
        Locale.ROOT,
        "load benchmark: %s at %s, %d requests per level, max_tokens %d, n %d, %d CPUs, "
            + "load average %.2f%n",
        model,
        url,
        requests,
        maxTokens,
        samples,
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    benchmark.run(1, Math.min(4, requests)); // warm-up: JIT, ONNX Runtime allocations, connections
    List<LoadResult> results = new ArrayList<>();
    for (int c : levels) {
      results.add(benchmark.run(c, requests));
    }
    System.out.print(LoadBenchmark.table(results));
    System.out.printf(
        Locale.ROOT,
        "load average after: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
