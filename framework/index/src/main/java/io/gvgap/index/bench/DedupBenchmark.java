package io.gvgap.index.bench;

import io.gvgap.core.store.SampleRecord;
import io.gvgap.index.DedupConfig;
import io.gvgap.index.DuplicateCluster;
import io.gvgap.index.DuplicateDetector;
import io.gvgap.index.Fingerprinter;
import io.gvgap.index.Jaccard;
import io.gvgap.index.SampleIndex;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Benchmark: samples per second indexed ({@link SampleIndex}, committed per batch of 1 000) and
 * deduplicated ({@link DuplicateDetector}, all samples at once, global scope) against an all-pairs
 * exact Jaccard baseline on the same synthetic data in the same JVM, with peak heap per phase.
 *
 * <p>The baseline runs until a time cap and is then extrapolated from the pairs it compared (the
 * pair count is known: n(n-1)/2); its output says so. When it finishes, its cluster count is
 * compared with the index's (the index may only miss pairs, never add any).
 *
 * <p>Run: {@code mvn -q -pl framework/index -am compile exec:java -Dexec.args="1000,2000,5000,10000,100000 60"}
 * (arguments: comma-separated sizes, baseline cap in seconds, seed; all optional).
 */
public final class DedupBenchmark {

  private DedupBenchmark() {
  }

  /** Runs the benchmark; arguments: sizes (comma-separated), baseline cap in seconds, seed. */
  public static void main(String[] args) throws IOException {
    int[] sizes = Stream.of((args.length > 0 ? args[0] : "1000,2000,5000,10000,100000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    double capSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 60;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    DedupConfig config = DedupConfig.defaults();
    System.out.printf("gvgap-index dedup benchmark: %s, baseline cap %.0f s, seed %d, %d cores, max heap %d MiB%n",
        config, capSeconds, seed, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%8s | %12s %9s | %12s %9s %8s | %12s %9s %5s | %7s%n", "samples", "index/s", "heapMiB",
        "dedup/s", "heapMiB", "clusters", "baseline/s", "heapMiB", "extr", "speedup");
    for (int n : sizes) {
      run(n, config, capSeconds, seed);
    }
  }

  private static void run(int n, DedupConfig config, double capSeconds, long seed) throws IOException {
    List<SampleRecord> samples = SyntheticSamples.generate(n, seed);

    resetPeaks();
    Path directory = Files.createTempDirectory("gvgap-index-bench");
    long start = System.nanoTime();
    try (SampleIndex index = SampleIndex.open(directory, "bench", config)) {
      for (int from = 0; from < n; from += 1000) {
        index.add(samples.subList(from, Math.min(n, from + 1000)));
        index.commit();
      }
    }
    double indexSeconds = seconds(start);
    long indexHeap = peakHeapMiB();
    deleteRecursively(directory);

    resetPeaks();
    start = System.nanoTime();
    List<DuplicateCluster<SampleRecord>> clusters = new DuplicateDetector(config).clusters(samples);
    double dedupSeconds = seconds(start);
    long dedupHeap = peakHeapMiB();

    resetPeaks();
    Baseline baseline = baseline(samples, config, capSeconds);
    long baselineHeap = peakHeapMiB();

    System.out.printf("%8d | %12.0f %9d | %12.0f %9d %8d | %12.1f %9d %5s | %7.1f%n", n, n / indexSeconds, indexHeap,
        n / dedupSeconds, dedupHeap, clusters.size(), n / baseline.seconds, baselineHeap,
        baseline.complete ? "no" : "yes", baseline.seconds / dedupSeconds);
    if (baseline.complete && baseline.clusters != clusters.size()) {
      System.out.printf("  note: baseline found %d clusters, index %d (index missed %d merges)%n", baseline.clusters,
          clusters.size(), clusters.size() - baseline.clusters);
    }
  }

  private record Baseline(double seconds, boolean complete, int clusters) {
  }

  /** Fingerprints everything, then compares all pairs with exact Jaccard until done or out of time. */
  private static Baseline baseline(List<SampleRecord> samples, DedupConfig config, double capSeconds) {
    long start = System.nanoTime();
    Fingerprinter fingerprinter = new Fingerprinter(config);
    List<long[]> sets = new ArrayList<>(samples.size());
    for (SampleRecord sample : samples) {
      sets.add(fingerprinter.fingerprint(sample.text()).shingles());
    }
    double fingerprintSeconds = seconds(start);
    int n = sets.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    long comparedPairs = 0;
    long deadline = start + (long) (capSeconds * 1e9);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Jaccard.atLeast(sets.get(i), sets.get(j), config.jaccardThreshold())) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
      comparedPairs += n - 1 - i;
      if (System.nanoTime() > deadline && i < n - 1) {
        double pairSeconds = seconds(start) - fingerprintSeconds;
        double totalPairs = (double) n * (n - 1) / 2;
        return new Baseline(fingerprintSeconds + pairSeconds * totalPairs / comparedPairs, false, -1);
      }
    }
    int roots = 0;
    for (int i = 0; i < n; i++) {
      roots += find(parent, i) == i ? 1 : 0;
    }
    return new Baseline(seconds(start), true, roots);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Sum of the heap pools' peak usage since the last reset (an upper bound of the live peak). */
  private static long peakHeapMiB() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes >> 20;
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
