package io.gvgap.bench.generation;

/**
 * The machine as measured in the benchmark's run: the matmul rate and the memory bandwidth,
 * one line of {@code ceiling.jsonl} per measurement.
 *
 * @param m rows of X
 * @param k columns of X, rows of W
 * @param n columns of W
 * @param threads ONNX Runtime intra-op threads
 * @param flopsPerSecond measured fp32 FLOP/s (2·m·k·n per product)
 * @param bytesPerSecond measured memory bandwidth ({@link MemoryBandwidth})
 */
public record MatmulMeasurement(
    int m, int k, int n, int threads, double flopsPerSecond, double bytesPerSecond) {
  /** The file name inside the benchmark directory. */
  public static final String FILE = "ceiling.jsonl";
}
