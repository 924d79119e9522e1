/**
 * Training gvgap's decoders through ONNX Runtime's ordinary inference sessions (the Maven Central
 * jars have no training build).
 *
 * <p>The pieces, bottom up:
 * <ul>
 *   <li>{@link io.gvgap.onnx.train.ReverseMode} differentiates a {@link io.gvgap.onnx.graph.Graph}:
 *       it appends the gradient nodes of a scalar loss, one rule per operator (GradientRules).</li>
 *   <li>{@link io.gvgap.onnx.train.TrainingForwardGraph} is the decoder's forward pass over full
 *       sequences with a masked, weighted token cross-entropy, parameters as inputs under their
 *       {@link io.gvgap.onnx.decoder.DecoderParameters} names; from {@link
 *       io.gvgap.onnx.train.TrainingForwardGraph#BLOCKED_FROM} positions on, its causal attention
 *       skips the blocks the mask hides (CausalBlocks).</li>
 *   <li>{@link io.gvgap.onnx.train.TrainingStepGraph} puts forward, gradients, global-norm clipping,
 *       the warm-up + cosine schedule and AdamW into one graph;
 *       {@link io.gvgap.onnx.train.TrainingSession} runs it with parameters and moments in
 *       preallocated direct buffers written in place (pinned outputs).</li>
 *   <li>{@link io.gvgap.onnx.train.Trainer} trains on {@link io.gvgap.onnx.train.TrainingExample}s
 *       (JSON Lines through {@link io.gvgap.onnx.train.TrainingData}) with seeded length-bucketed
 *       batches ({@link io.gvgap.onnx.train.BatchPlan}), progress callbacks, checkpoints that are
 *       model directories, and resume after a crash ({@link io.gvgap.onnx.train.Checkpoints}).</li>
 *   <li>{@link io.gvgap.onnx.train.DistillRunner} is {@code gvgap distill}; {@code gvgap-bench training}
 *       (the {@code bench} module) measures speed.</li>
 * </ul>
 *
 * <pre>{@code
 * TrainingResult result = DistillRunner.run(Path.of("models/arith-s"), Path.of("kept.jsonl"), Path.of("round-1"),
 *     DistillRunner.options(exampleCount, 2, 1), progress -> System.out.println(progress.line()));
 * }</pre>
 */
package io.gvgap.onnx.train;
