package io.gvgap.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.decoder.DecoderGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one decoder call. Inputs are written by the caller into reused direct buffers
 * ({@link #inputIds}, {@link #attentionMask}, {@link #positionIds}); logits land in a pinned,
 * reused direct buffer; the presents stay in ONNX Runtime's memory and can be fed back as the next
 * call's past without a copy (or be pinned into caller buffers).
 */
final class DecoderRunner {
  private final OrtEnvironment env;
  private final OrtSession session;
  private final DecoderSignature signature;
  private final int vocab;
  private final boolean logitsFromInput;
  private final DirectBuffers ids = new DirectBuffers();
  private final DirectBuffers mask = new DirectBuffers();
  private final DirectBuffers positions = new DirectBuffers();
  private final DirectBuffers logits = new DirectBuffers();
  private LongBuffer idsView;
  private LongBuffer maskView;
  private LongBuffer positionsView;

  DecoderRunner(OrtEnvironment env, OrtSession session, DecoderSignature signature, int vocab) {
    this.env = env;
    this.session = session;
    this.signature = signature;
    this.vocab = vocab;
    this.logitsFromInput = session.getInputNames().contains(DecoderGraph.LOGITS_FROM);
  }

  /**
   * Whether a call can compute the last position's logits only (gvgap's own graphs, rebuilt with
   * {@link DecoderGraph#LOGITS_FROM}); other models always give every position's logits.
   */
  boolean lastPositionLogits() {
    return logitsFromInput;
  }

  int vocab() {
    return vocab;
  }

  DecoderSignature signature() {
    return signature;
  }

  OrtEnvironment env() {
    return env;
  }

  /** The input_ids buffer for a [rows, seq] call, to fill row-major. */
  LongBuffer inputIds(int rows, int seq) {
    idsView = ids.longs((long) rows * seq);
    return idsView;
  }

  /** The attention_mask buffer for a [rows, total] call. */
  LongBuffer attentionMask(int rows, int total) {
    maskView = mask.longs((long) rows * total);
    return maskView;
  }

  /** The position_ids buffer for a [rows, seq] call. */
  LongBuffer positionIds(int rows, int seq) {
    positionsView = positions.longs((long) rows * seq);
    return positionsView;
  }

  /**
   * One call after the three input buffers were filled.
   *
   * @param past 2·layers tensors (key, value per layer) of shape [rows, heads, total - seq, head_dim],
   *     or null for an empty past
   * @param pinnedPresents null, or 2·layers direct buffers of [rows, heads, total, head_dim] floats
   *     that receive the presents
   * @param wantPresents whether to return the presents when they are not pinned (scoring needs none)
   */
  Step run(
      int rows,
      int seq,
      int total,
      List<OnnxTensor> past,
      List<FloatBuffer> pinnedPresents,
      boolean wantPresents)
      throws OrtException {
    return run(rows, seq, total, past, pinnedPresents, wantPresents, false);
  }

  /**
   * As {@link #run(int, int, int, List, List, boolean)}; with {@code lastOnly} (only when
   * {@link #lastPositionLogits()}) the logits are [rows, 1, vocab], the last position's.
   */
  Step run(
      int rows,
      int seq,
      int total,
      List<OnnxTensor> past,
      List<FloatBuffer> pinnedPresents,
      boolean wantPresents,
      boolean lastOnly)
      throws OrtException {
    if (lastOnly && !logitsFromInput) {
      throw new IllegalArgumentException("this model gives every position's logits");
    }
    int logitPositions = lastOnly ? 1 : seq;
    List<OnnxTensor> owned = new ArrayList<>();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", own(owned, OnnxTensor.createTensor(env, idsView.rewind(), new long[] {
        rows, seq
      })));
      inputs.put(
          "attention_mask",
          own(owned, OnnxTensor.createTensor(env, maskView.rewind(), new long[] {rows, total})));
      if (signature.hasPositionIds()) {
        inputs.put(
            "position_ids",
            own(owned, OnnxTensor.createTensor(env, positionsView.rewind(), new long[] {rows, seq
            })));
      }
      if (logitsFromInput) {
        inputs.put(DecoderGraph.LOGITS_FROM, own(owned, OnnxTensor.createTensor(env, new long[] {
          seq - logitPositions
        })));
      }
      if (signature.hasUseCacheBranch()) {
        inputs.put("use_cache_branch", own(owned, OnnxTensor.createTensor(env, new boolean[] {
          past != null
        })));
      }
      long[] pastShape = {rows, signature.kvHeads(), total - seq, signature.headDim()};
      OnnxTensor emptyPast = past == null
          ? own(owned, OnnxTensor.createTensor(env, DirectBuffers.allocateFloats(0), pastShape))
          : null;
      for (int layer = 0; layer < signature.layers(); layer++) {
        inputs.put(
            "past_key_values." + layer + ".key", past == null ? emptyPast : past.get(2 * layer));
        inputs.put(
            "past_key_values." + layer + ".value",
            past == null ? emptyPast : past.get(2 * layer + 1));
      }
      FloatBuffer logitsView = logits.floats((long) rows * logitPositions * vocab);
      Map<String, OnnxValue> pinned = new HashMap<>();
      pinned.put("logits", own(owned, OnnxTensor.createTensor(env, logitsView, new long[] {
        rows, logitPositions, vocab
      })));
      long[] presentShape = {rows, signature.kvHeads(), total, signature.headDim()};
      if (pinnedPresents != null) {
        for (int i = 0; i < 2 * signature.layers(); i++) {
          pinned.put(
              presentName(i),
              own(owned, OnnxTensor.createTensor(env, pinnedPresents.get(i), presentShape)));
        }
      }
      java.util.Set<String> requested = new java.util.HashSet<>();
      for (int i = 0; i < 2 * signature.layers(); i++) {
        if (pinnedPresents == null && wantPresents) {
          requested.add(presentName(i));
        }
      }
      OrtSession.Result result = session.run(inputs, requested, pinned);
      List<OnnxTensor> presents = new ArrayList<>();
      if (pinnedPresents == null && wantPresents) {
        for (int i = 0; i < 2 * signature.layers(); i++) {
          presents.add((OnnxTensor) result.get(presentName(i)).orElseThrow());
        }
      }
      return new Step(logitsView, presents, result);
    } finally {
      owned.forEach(OnnxTensor::close);
    }
  }

  private static OnnxTensor own(List<OnnxTensor> owned, OnnxTensor tensor) {
    owned.add(tensor);
    return tensor;
  }

  static String presentName(int index) {
    return "present." + index / 2 + (index % 2 == 0 ? ".key" : ".value");
  }

  /**
   * A call's outputs: logits [rows, seq, vocab] in the reused buffer (valid until the next call),
   * and the presents (empty when pinned) owned by {@code result}, which the caller closes once it
   * no longer feeds them as past.
   */
  record Step(FloatBuffer logits, List<OnnxTensor> presents, OrtSession.Result result)
      implements AutoCloseable {
    @Override
    public void close() {
      result.close();
    }
  }
}
