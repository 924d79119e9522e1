package io.gvgap.onnx.arch;

/** How a block normalises its input. */
public enum Normalization {
  /** LayerNorm with weight and bias (GPT-2). */
  LAYER_NORM,
  /** RMSNorm, {@code x / rms(x) * w} (Llama, Qwen2, Mistral, Phi-3). */
  RMS_NORM,
  /** RMSNorm with the weight stored as an offset from 1, {@code x / rms(x) * (1 + w)} (Gemma 2). */
  RMS_NORM_PLUS_ONE
}
