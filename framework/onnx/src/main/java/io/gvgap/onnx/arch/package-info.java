/**
 * Decoder architectures of Hugging Face checkpoints, each described once: {@link
 * io.gvgap.onnx.arch.ArchitectureConfig} (what a config.json says: sizes, normalisation, position
 * encoding, attention variant, MLP), read by {@link io.gvgap.onnx.arch.HfConfigReader}; {@link
 * io.gvgap.onnx.arch.HfWeights} maps a checkpoint's tensors to gvgap's canonical per-layer names;
 * {@link io.gvgap.onnx.arch.ArchitectureGraph} builds the ONNX decoder (the Optimum KV-cache
 * interface, standard operators) from the description and the weights; {@link
 * io.gvgap.onnx.arch.CheckpointImporter} writes a gvgap model directory from a checkpoint directory.
 */
package io.gvgap.onnx.arch;
