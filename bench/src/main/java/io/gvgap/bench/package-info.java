/**
 * gvgap's developer benchmarks ({@link io.gvgap.bench.BenchCommand}): generation against
 * transformers.js ({@code generation}), a training step through ONNX Runtime ({@code training}) and
 * Lucene deduplication against all-pairs Jaccard ({@code dedup}). Not part of the cli distribution
 * and not an API.
 */
package io.gvgap.bench;
