package io.gvgap.bench.generation;

/**
 * One measured (implementation, model, workload): a line of {@code results.jsonl}. gvgap's runner
 * and {@code crosscheck/bench.mjs} write the same fields.
 *
 * @param implementation {@code gvgap} or {@code transformers.js}
 * @param model the model's name
 * @param workload the workload's label ({@code PROMPTSxSAMPLES})
 * @param generatedTokens tokens generated over all samples (checked to equal the workload's)
 * @param seconds wall time from prompts in to texts out (model loading and warm-up excluded)
 * @param cpuSeconds CPU time of the whole process (all threads, user and system) over the same
 *     span; on a shared machine it shows the work done where wall time also counts waiting
 */
public record BenchmarkResult(
    String implementation,
    String model,
    String workload,
    long generatedTokens,
    double seconds,
    double cpuSeconds) {
  /** Generated tokens per second of wall time. */
  public double tokensPerSecond() {
    return generatedTokens / seconds;
  }

  /** Generated tokens per CPU-second. */
  public double tokensPerCpuSecond() {
    return generatedTokens / cpuSeconds;
  }
}
