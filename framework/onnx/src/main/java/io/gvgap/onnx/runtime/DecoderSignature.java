package io.gvgap.onnx.runtime;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a decoder session expects and returns, read from the session itself: the Optimum decoder
 * interface ({@code input_ids}, {@code attention_mask}, optional {@code position_ids} and
 * {@code use_cache_branch}, {@code past_key_values.i.key|value}; {@code logits},
 * {@code present.i.key|value}) with fp32 logits and KV cache.
 *
 * @param layers number of {@code past_key_values.i.key} inputs
 * @param kvHeads KV heads (axis 1 of the cache)
 * @param headDim head size (axis 3 of the cache)
 * @param vocabSize the logits' last axis, or -1 when the model leaves it symbolic
 * @param hasPositionIds whether the model takes {@code position_ids}
 * @param hasUseCacheBranch whether the model is a merged decoder with {@code use_cache_branch}
 */
public record DecoderSignature(
    int layers,
    int kvHeads,
    int headDim,
    int vocabSize,
    boolean hasPositionIds,
    boolean hasUseCacheBranch) {

  /** Reads and checks the session's inputs and outputs; {@code file} is named in errors. */
  public static DecoderSignature inspect(OrtSession session, Path file) {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      requireInt64(inputs, "input_ids", file);
      requireInt64(inputs, "attention_mask", file);
      boolean positions = inputs.containsKey("position_ids");
      if (positions) {
        requireInt64(inputs, "position_ids", file);
      }
      int layers = 0;
      while (inputs.containsKey("past_key_values." + layers + ".key")) {
        layers++;
      }
      if (layers == 0) {
        throw new ModelLoadException(file + ": no input 'past_key_values.0.key'; inputs are "
            + new TreeSet<>(inputs.keySet()) + ". gvgap needs a decoder exported with its KV cache "
            + "(optimum-cli export onnx --task text-generation-with-past).");
      }
      TensorInfo firstKey = tensor(inputs, "past_key_values.0.key", file);
      long[] kvShape = firstKey.getShape();
      if (kvShape.length != 4 || kvShape[1] < 1 || kvShape[3] < 1) {
        throw new ModelLoadException(
            file + ": 'past_key_values.0.key' has shape " + java.util.Arrays.toString(kvShape)
                + "; gvgap supports [batch, kv_heads, past_sequence, head_dim] with fixed heads and head size");
      }
      for (int i = 0; i < layers; i++) {
        for (String kind : new String[] {"key", "value"}) {
          requireFloat(
              tensor(inputs, "past_key_values." + i + "." + kind, file),
              "past_key_values." + i + "." + kind,
              file);
          requireFloat(
              tensor(outputs, "present." + i + "." + kind, file),
              "present." + i + "." + kind,
              file);
        }
      }
      TensorInfo logits = tensor(outputs, "logits", file);
      requireFloat(logits, "logits", file);
      long[] logitsShape = logits.getShape();
      int vocab = logitsShape.length == 3 && logitsShape[2] > 0 ? (int) logitsShape[2] : -1;
      return new DecoderSignature(
          layers,
          (int) kvShape[1],
          (int) kvShape[3],
          vocab,
          positions,
          inputs.containsKey("use_cache_branch"));
    } catch (OrtException e) {
      throw new ModelLoadException(
          file + ": ONNX Runtime could not describe the model: " + e.getMessage(), e);
    }
  }

  private static TensorInfo tensor(Map<String, NodeInfo> infos, String name, Path file) {
    NodeInfo info = infos.get(name);
    if (info == null) {
      throw new ModelLoadException(
          file + ": the model has no '" + name + "'; it has " + new TreeSet<>(infos.keySet())
              + ". gvgap supports Hugging Face Optimum decoder exports (inputs input_ids, attention_mask, position_ids, "
              + "past_key_values.i.key/value; outputs logits, present.i.key/value).");
    }
    if (!(info.getInfo() instanceof TensorInfo tensorInfo)) {
      throw new ModelLoadException(file + ": '" + name + "' is not a tensor");
    }
    return tensorInfo;
  }

  private static void requireInt64(Map<String, NodeInfo> inputs, String name, Path file) {
    TensorInfo info = tensor(inputs, name, file);
    if (info.type != OnnxJavaType.INT64) {
      throw new ModelLoadException(
          file + ": input '" + name + "' is " + info.type + "; gvgap feeds int64");
    }
  }

  private static void requireFloat(TensorInfo info, String name, Path file) {
    if (info.type != OnnxJavaType.FLOAT) {
      throw new ModelLoadException(
          file + ": '" + name + "' has element type " + info.type
              + "; gvgap runs fp32 logits and KV caches (fp16 ones are converted at the boundary): re-export the model in fp32 or fp16");
    }
  }
}
