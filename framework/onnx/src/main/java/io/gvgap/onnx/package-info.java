/**
 * gvgap's local model support: the {@code onnx} {@link io.gvgap.api.model.ModelBackend}
 * ({@link io.gvgap.onnx.OnnxBackend}, registered in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}).
 *
 * <ul>
 *   <li>{@link io.gvgap.onnx.graph}: writes ONNX graphs from Java (builder, serializer).</li>
 *   <li>{@link io.gvgap.onnx.decoder}: gvgap's GPT-style decoder as an ONNX graph, its parameters
 *       by name, and model directories in the Hugging Face Optimum layout.</li>
 *   <li>{@link io.gvgap.onnx.runtime}: opens a model directory with ONNX Runtime and DJL tokenizers;
 *       batched generation and continuation scoring. gvgap's own model directories decode with the
 *       shared-prefix step (the prompt's KV cache kept once for all its samples, each sample's cache
 *       written in place, sampling from in-graph top candidates); other decoders, or the backend
 *       option {@code decode: generic}, use the file's own graph. Both give the same tokens for a
 *       seed.</li>
 *   <li>{@link io.gvgap.onnx.cli}: plain entry points behind {@code gvgap generate}, {@code gvgap score}
 *       and {@code gvgap model init}.</li>
 * </ul>
 *
 * <pre>{@code
 * ModelInitRunner.run(Path.of("tiny"), 2, 64, 4, 256, 0, true, 42);       // a random model directory
 * try (OnnxLanguageModel model = OnnxLanguageModel.open(Path.of("tiny"), 0, "cpu", 64)) {
 *   List<Generation> out = model.generate(
 *       List.of(new GenerationRequest("q1", "Q: 2+2=", 0, 8, List.of("\n"))),
 *       new SamplingParams(0.7, 0.9, 0, 64, 1));
 * }
 * }</pre>
 */
package io.gvgap.onnx;
