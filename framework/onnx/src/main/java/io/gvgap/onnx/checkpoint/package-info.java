/**
 * Hugging Face checkpoints as they are published: safetensors files, single
 * ({@code model.safetensors}) or sharded ({@code model-0000k-of-0000n.safetensors} with
 * {@code model.safetensors.index.json}), in F32, F16 or BF16. {@link
 * io.gvgap.onnx.checkpoint.SafetensorsFile} reads one file (memory-mapped, tensor by tensor),
 * {@link io.gvgap.onnx.checkpoint.SafetensorsCheckpoint} a checkpoint directory, {@link
 * io.gvgap.onnx.checkpoint.SafetensorsWriter} writes both layouts (gvgap's tests write random-weight
 * checkpoints with it), {@link io.gvgap.onnx.checkpoint.HalfFloats} converts half-precision values.
 *
 * <p>The safetensors format: 8 bytes (little-endian unsigned length N), N bytes of UTF-8 JSON
 * mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets
 * into the data that follows the header; an optional {@code "__metadata__"} maps strings to
 * strings), then the tensors' bytes, little-endian, row-major.
 */
package io.gvgap.onnx.checkpoint;
