package io.gvgap.onnx.arch;

/** The MLP's activation. */
public enum Activation {
  /** SiLU, {@code x * sigmoid(x)} (Llama, Qwen2, Mistral, Phi-3: {@code silu}). */
  SILU,
  /** GELU's tanh approximation (GPT-2 {@code gelu_new}, Gemma 2 {@code gelu_pytorch_tanh}). */
  GELU_TANH
}
