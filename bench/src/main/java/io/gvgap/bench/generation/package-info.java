/**
 * The generation benchmark: gvgap's {@code onnx} backend against transformers.js on the same model
 * directories and workloads, with the machine's matmul ceiling.
 *
 * <p>Run it with {@code bench/generation.sh [OUT_DIR] [prepare options]} from the repository root
 * (it needs {@code crosscheck/node_modules}: {@code cd crosscheck && npm ci --ignore-scripts}). It
 * writes two random-weight models ({@link io.gvgap.bench.generation.BenchmarkModel#small()} and the
 * GPT-2-small-shaped {@link io.gvgap.bench.generation.BenchmarkModel#gpt2Small()}, with a 50,257-id
 * {@link io.gvgap.bench.generation.WideCharacterVocabulary}), few-shot prompts
 * ({@link io.gvgap.bench.generation.FewShotPrompts}) and a {@link io.gvgap.bench.generation.BenchmarkPlan}; measures
 * the {@link io.gvgap.bench.generation.MatmulCeiling}; alternates {@link io.gvgap.bench.generation.GvgapRunner}
 * and {@code crosscheck/bench.mjs} run by run; and prints a {@link io.gvgap.bench.generation.ResultTable}:
 * generated tokens/s (wall and per CPU-second) and the fraction of the ceiling reached
 * ({@link io.gvgap.bench.generation.DecoderFlops}).
 */
package io.gvgap.bench.generation;
