package io.gvgap.bench.dedup;

import io.gvgap.core.store.SampleRecord;
import io.gvgap.index.DedupConfig;
import io.gvgap.index.DuplicateCluster;
import io.gvgap.index.DuplicateDetector;
import io.gvgap.index.Fingerprinter;
import io.gvgap.index.Jaccard;
import io.gvgap.index.SampleIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmark: samples per second indexed ({@link SampleIndex}, committed per batch of 1 000) and
 * deduplicated ({@link DuplicateDetector}, all samples at once, global scope) against an all-pairs
 * exact Jaccard baseline on the same synthetic data in the same JVM, with peak heap per phase.
 *
 * <p>The baseline runs until a time cap and is then extrapolated from the pairs it compared (the
 * pair count is known: n(n-1)/2); its output says so. When it finishes, its cluster count is
 * compared with the index's (the index may only miss pairs, never add any).
 *
 * <p>Run: {@code bench/bench.sh dedup --sizes 1000,2000,5000,10000,100000 --cap 60 --seed 42} (those are the
 * defaults).
 */
@Command(
    name = "dedup",
    mixinStandardHelpOptions = true,
    description =
        "Lucene MinHash indexing and deduplication against an all-pairs Jaccard baseline on synthetic samples.")
public final class DedupBenchmark implements Callable<Integer> {
  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "1000,2000,5000,10000,100000",
      description = "sample counts, comma-separated (default ${DEFAULT-VALUE})")
  int[] sizes;

  @Option(
      names = "--cap",
      defaultValue = "60",
      description =
          "seconds the baseline runs before it is extrapolated (default ${DEFAULT-VALUE})")
  double capSeconds;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "seed of the synthetic samples (default ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--warm-up",
      defaultValue = "2000",
      description =
          "samples of the unprinted warm-up round, so the first size is not mostly JIT (default ${DEFAULT-VALUE})")
  int warmUp;

  @Spec
  CommandSpec spec;

  private PrintWriter out;

  /** For picocli, which creates the command. */
  public DedupBenchmark() {}

  /** Runs the benchmark and prints its table. */
  @Override
  public Integer call() throws IOException {
    for (int n : sizes) {
      if (n < 2 || warmUp < 2) {
        throw new IllegalArgumentException(
            "--sizes and --warm-up must be at least 2 samples; got " + n + " and " + warmUp);
      }
    }
    out = spec.commandLine().getOut();
    DedupConfig config = DedupConfig.defaults();
    out.printf(
        "gvgap-index dedup benchmark: %s%nbaseline cap %.0f s, seed %d, %d cores, max heap %d MiB, "
            + "load average %.1f%n",
        config,
        capSeconds,
        seed,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println(
        "throughput in samples per second of wall time and of process CPU time (CPU time is what"
            + " counts on a shared machine); heap = peak of the heap pools during the phase");
    out.printf(
        "%7s | %-25s | %-34s | %-33s | %s%n",
        "",
        "index (SampleIndex, commit/1k)",
        "dedup (DuplicateDetector, global)",
        "all-pairs Jaccard baseline",
        "speedup");
    out.printf(
        "%7s | %8s %8s %7s | %8s %8s %7s %8s | %8s %8s %7s %6s | %7s%n",
        "samples",
        "wall/s",
        "cpu/s",
        "heapMiB",
        "wall/s",
        "cpu/s",
        "heapMiB",
        "clusters",
        "wall/s",
        "cpu/s",
        "heapMiB",
        "extrap",
        "cpu");
    // warm-up, not printed: so the first size is not mostly JIT compilation
    run(warmUp, config, capSeconds, seed + 1, false);
    Integer firstWin = null;
    for (int n : sizes) {
      double speedup = run(n, config, capSeconds, seed, true);
      if (firstWin == null && speedup > 1) {
        firstWin = n;
      }
    }
    out.println(
        firstWin == null
            ? "the index did not beat the baseline at these sizes"
            : "the index starts to win (less CPU time than all pairs) at " + firstWin
                + " samples among the sizes run");
    out.flush();
    return 0;
  }

  /** Runs one size and prints its row; returns baseline CPU time over dedup CPU time. */
  private double run(int n, DedupConfig config, double capSeconds, long seed, boolean print)
      throws IOException {
    List<SampleRecord> samples = SyntheticSamples.generate(n, seed);

    resetPeaks();
    Path directory = Files.createTempDirectory("gvgap-index-bench");
    Clock clock = Clock.start();
    try (SampleIndex index = SampleIndex.open(directory, "bench", config)) {
      for (int from = 0; from < n; from += 1000) {
        index.add(samples.subList(from, Math.min(n, from + 1000)));
        index.commit();
      }
    }
    Clock indexTime = clock.stop();
    long indexHeap = peakHeapMiB();
    deleteRecursively(directory);

    resetPeaks();
    clock = Clock.start();
    List<DuplicateCluster<SampleRecord>> clusters = new DuplicateDetector(config).clusters(samples);
    Clock dedupTime = clock.stop();
    long dedupHeap = peakHeapMiB();

    resetPeaks();
    Baseline baseline = baseline(samples, config, capSeconds);
    long baselineHeap = peakHeapMiB();

    double speedup = baseline.cpuSeconds / dedupTime.cpuSeconds;
    if (!print) {
      return speedup;
    }
    out.printf(
        "%7d | %8.0f %8.0f %7d | %8.0f %8.0f %7d %8d | %8.0f %8.0f %7d %6s | %7.2f%n",
        n,
        n / indexTime.wallSeconds,
        n / indexTime.cpuSeconds,
        indexHeap,
        n / dedupTime.wallSeconds,
        n / dedupTime.cpuSeconds,
        dedupHeap,
        clusters.size(),
        n / baseline.wallSeconds,
        n / baseline.cpuSeconds,
        baselineHeap,
        baseline.complete ? "no" : "yes",
        speedup);
    if (baseline.complete && baseline.clusters != clusters.size()) {
      out.printf(
          "  note: baseline found %d clusters, index %d (index missed %d merges)%n",
          baseline.clusters, clusters.size(), clusters.size() - baseline.clusters);
    }
    return speedup;
  }

  /** Wall and process CPU time (all threads: merges, GC and JIT included). */
  private record Clock(long wallStart, long cpuStart, double wallSeconds, double cpuSeconds) {
    static Clock start() {
      return new Clock(System.nanoTime(), processCpuNanos(), 0, 0);
    }

    Clock stop() {
      return new Clock(
          wallStart,
          cpuStart,
          (System.nanoTime() - wallStart) / 1e9,
          (processCpuNanos() - cpuStart) / 1e9);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Baseline(double wallSeconds, double cpuSeconds, boolean complete, int clusters) {}

  /**
   * Fingerprints everything, then compares all pairs with exact Jaccard (size bound first) until done
   * or out of time; if cut short, the pair phase's time is scaled by total pairs over compared pairs.
   */
  private static Baseline baseline(
      List<SampleRecord> samples, DedupConfig config, double capSeconds) {
    Clock clock = Clock.start();
    Fingerprinter fingerprinter = new Fingerprinter(config);
    List<long[]> sets = new ArrayList<>(samples.size());
    for (SampleRecord sample : samples) {
      sets.add(fingerprinter.fingerprint(sample.text()).shingles());
    }
    Clock fingerprinted = clock.stop();
    int n = sets.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    long comparedPairs = 0;
    long deadline = clock.wallStart() + (long) (capSeconds * 1e9);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (Jaccard.atLeast(sets.get(i), sets.get(j), config.jaccardThreshold())) {
          parent[find(parent, j)] = find(parent, i);
        }
      }
      comparedPairs += n - 1 - i;
      if (System.nanoTime() > deadline && i < n - 1) {
        Clock stopped = clock.stop();
        double scale = ((double) n * (n - 1) / 2) / comparedPairs;
        return new Baseline(
            fingerprinted.wallSeconds()
                + (stopped.wallSeconds() - fingerprinted.wallSeconds()) * scale,
            fingerprinted.cpuSeconds()
                + (stopped.cpuSeconds() - fingerprinted.cpuSeconds()) * scale,
            false,
            -1);
      }
    }
    Clock done = clock.stop();
    int roots = 0;
    for (int i = 0; i < n; i++) {
      roots += find(parent, i) == i ? 1 : 0;
    }
    return new Baseline(done.wallSeconds(), done.cpuSeconds(), true, roots);
  }

  private static int find(int[] parent, int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
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
