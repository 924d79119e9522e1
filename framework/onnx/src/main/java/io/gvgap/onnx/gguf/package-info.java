/**
 * GGUF, llama.cpp's model file format: {@link io.gvgap.onnx.gguf.GgufWriter} writes one (metadata
 * key/values and tensors), {@link io.gvgap.onnx.gguf.GgufExport} turns a gvgap model directory into
 * one with the tensor names and layouts llama.cpp expects, so that gvgap's models run in llama.cpp
 * and llama.cpp can check gvgap's implementation of each architecture.
 */
package io.gvgap.onnx.gguf;
