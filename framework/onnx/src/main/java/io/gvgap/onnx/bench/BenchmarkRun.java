package io.gvgap.onnx.bench;

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
 * @param transformersJsBatchRows samples transformers.js generates per {@code generate} call
 *     ({@code num_return_sequences}); it bounds the memory of transformers.js's prefill logits
 */
public record BenchmarkRun(String model, String modelDir, Workload workload, String promptsFile,
    double meanPromptTokens, int gvgapBatchRows, int transformersJsBatchRows) {
}
