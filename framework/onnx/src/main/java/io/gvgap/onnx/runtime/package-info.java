/**
 * Running decoders with ONNX Runtime: {@link io.gvgap.onnx.runtime.OnnxLanguageModel} opens a model
 * directory (checking its interface with {@link io.gvgap.onnx.runtime.DecoderSignature}), generates
 * with a shared prefill per prompt and a compacting decode batch, and scores continuations. The
 * ONNX Runtime Java API has no IOBinding, so inputs are written into reused direct buffers, logits
 * come back through pinned outputs, and the KV cache goes from one call's outputs to the next call's
 * inputs without leaving native memory except when finished rows are dropped.
 */
package io.gvgap.onnx.runtime;
