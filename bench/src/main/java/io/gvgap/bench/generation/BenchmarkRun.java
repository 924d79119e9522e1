package io.gvgap.bench.generation;

/**
 * One (model, workload) pair of a benchmark plan, with everything both implementations need to run
 * it identically.
 *
 * @param model the model's name ({@link BenchmarkModel#named})
 * @param modelDir the model directory
 * @param workload prompts, samples and new tokens
 * @param promptsFile JSON Lines file of {@code {"id", "prompt"}}, {@code workload.prompts()} lines
 * @param meanPromptTokens mean prompt length in tokens (by gvgap's tokenizer)
 * @param gvgapBatchRows most rows gvgap decodes in one call
 * @param transformersJsBatchRows samples transformers.js generates per {@code generate} call (a batch
 *     of copies of the prompt); it bounds the memory of transformers.js's prefill logits
 * @param transformersJsPrompts how many of the workload's prompts (the first ones) transformers.js
 *     generates for
 * @param transformersJsSamples how many samples of each of those prompts transformers.js generates.
 *     transformers.js runs its {@code generate} calls one after another, each on one prompt's
 *     copies, so its tokens/s over a part of the workload is its tokens/s over the whole; the part
 *     keeps the benchmark within minutes on two cores
 */
public record BenchmarkRun(
    String model,
    String modelDir,
    Workload workload,
    String promptsFile,
    double meanPromptTokens,
    int gvgapBatchRows,
    int transformersJsBatchRows,
    int transformersJsPrompts,
    int transformersJsSamples) {
  /** Checks that transformers.js's part lies within the workload. */
  public BenchmarkRun {
    if (transformersJsPrompts < 1
        || transformersJsPrompts > workload.prompts()
        || transformersJsSamples < 1
        || transformersJsSamples > workload.samples()) {
      throw new IllegalArgumentException("transformers.js's part " + transformersJsPrompts + "x"
          + transformersJsSamples + " of " + model + " must lie within the workload "
          + workload.prompts() + "x" + workload.samples());
    }
  }
}
