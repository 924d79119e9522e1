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
import java.util.Set;

/**
 * Runs the shared-prefix decode step ({@link io.gvgap.onnx.decoder.SharedPrefixStepGraph}): owns
 * the per-sample generated-token cache (written in place) and the pinned output buffers, all
 * allocated by {@link #prepare} and reused across steps, chunks and calls.
 *
 * <p>The generated-token cache is allocated for the request's largest need ({@code max_tokens}),
 * but the step reads it with a stride ({@link #capacity()}) that grows in blocks of
 * {@link #CACHE_BLOCK} positions as tokens are written ({@link #ensureCapacity}): every step's
 * attention reads at most a block more than what was written, not the {@code max_tokens} that
 * samples stopping early never reach.
 */
final class SharedPrefixRunner {
  /** Positions by which the read stride of the generated-token cache grows. */
  static final int CACHE_BLOCK = 32;

  private final OrtEnvironment env;
  private final OrtSession session;
  private final int layers;
  private final int heads;
  private final int headDim;
  private final int vocab;
  private final int candidates;
  /** The model's sliding window (0 for none): local layers read window biases. */
  private final int slidingWindow;

  private final DirectBuffers promptWindowBias = new DirectBuffers();
  private final DirectBuffers ownWindowBias = new DirectBuffers();
  private final DirectBuffers[] own;
  private final DirectBuffers[] fresh;
  private final DirectBuffers ids = new DirectBuffers();
  private final DirectBuffers positions = new DirectBuffers();
  private final DirectBuffers promptBias = new DirectBuffers();
  private final DirectBuffers ownBias = new DirectBuffers();
  private final DirectBuffers sampling = new DirectBuffers();
  private final DirectBuffers logits = new DirectBuffers();
  private final DirectBuffers topLogits = new DirectBuffers();
  private final DirectBuffers topIds = new DirectBuffers();
  private final DirectBuffers logNormalizer = new DirectBuffers();
  private final DirectBuffers nucleusMass = new DirectBuffers();
  private int capacity;
  private int maxCapacity;
  private int maxRows;

  SharedPrefixRunner(
      OrtEnvironment env,
      OrtSession session,
      int layers,
      int heads,
      int headDim,
      int vocab,
      int candidates,
      int slidingWindow) {
    this.env = env;
    this.slidingWindow = slidingWindow;
    this.session = session;
    this.layers = layers;
    this.heads = heads;
    this.headDim = headDim;
    this.vocab = vocab;
    this.candidates = candidates;
    this.own = new DirectBuffers[2 * layers];
    this.fresh = new DirectBuffers[2 * layers];
    for (int i = 0; i < 2 * layers; i++) {
      own[i] = new DirectBuffers();
      fresh[i] = new DirectBuffers();
    }
  }

  int candidates() {
    return candidates;
  }

  int vocab() {
    return vocab;
  }

  /**
   * Sizes the buffers for up to {@code rows} samples of up to {@code maxCapacity} generated tokens
   * and starts the read stride at one block; memory grows only when a larger request needs it and is
   * reused otherwise.
   */
  void prepare(int rows, int maxCapacity) {
    this.maxRows = rows;
    this.maxCapacity = maxCapacity;
    this.capacity = Math.min(CACHE_BLOCK, maxCapacity);
    long ownFloats = (long) rows * heads * maxCapacity * headDim;
    for (int i = 0; i < 2 * layers; i++) {
      own[i].floats(ownFloats);
      fresh[i].floats((long) rows * heads * headDim);
    }
    ids.longs(rows);
    positions.longs(rows);
    ownBias.floats(maxCapacity);
    sampling.floats(2);
    logits.floats((long) rows * vocab);
    topLogits.floats((long) rows * candidates);
    topIds.longs((long) rows * candidates);
    logNormalizer.floats(rows);
    nucleusMass.floats(rows);
  }

  /** Floats of the generated-token cache buffers (all layers, keys and values), as allocated. */
  long ownCacheFloats() {
    return 2L * layers * maxRows * heads * maxCapacity * headDim;
  }

  /** The current read stride of the generated-token cache, in positions. */
  int capacity() {
    return capacity;
  }

  /**
   * Makes room for {@code positions} generated positions per row: when they exceed the current
   * stride, grows it to the next multiple of {@link #CACHE_BLOCK} (at most the prepared capacity)
   * and moves each row's first {@code written} positions to the new layout.
   */
  void ensureCapacity(int positions, int written) {
    if (positions <= capacity) {
      return;
    }
    if (positions > maxCapacity) {
      throw new IllegalStateException("a sample needs " + positions
          + " generated positions but its cache was sized for " + maxCapacity
          + "; this is a bug in gvgap");
    }
    int grown = Math.min(maxCapacity, (positions + CACHE_BLOCK - 1) / CACHE_BLOCK * CACHE_BLOCK);
    int length = written * headDim;
    float[] scratch = new float[length];
    for (int i = 0; i < 2 * layers; i++) {
      FloatBuffer buffer = own[i].floats((long) maxRows * heads * maxCapacity * headDim);
      // back to front: a row's block only moves to a higher offset, above every source not yet read
      for (int rh = maxRows * heads - 1; rh > 0; rh--) {
        buffer.get(rh * capacity * headDim, scratch, 0, length);
        buffer.put(rh * grown * headDim, scratch, 0, length);
      }
    }
    capacity = grown;
  }

  /** The input ids of {@code rows} rows, to fill. */
  LongBuffer inputIds(int rows) {
    return ids.longs(rows);
  }

  /** The position ids of {@code rows} rows, to fill. */
  LongBuffer positionIds(int rows) {
    return positions.longs(rows);
  }

  /** The prompt bias [prompts, promptLength], to fill with 0 or {@link DecoderGraph#MASKED}. */
  FloatBuffer promptBias(int prompts, int promptLength) {
    return promptBias.floats((long) prompts * promptLength);
  }

  /**
   * Moves sample row {@code from}'s generated-token cache (its first {@code written} positions) to
   * row {@code to}.
   */
  void moveRow(int from, int to, int written) {
    if (from == to || written == 0) {
      return;
    }
    for (int i = 0; i < 2 * layers; i++) {
      FloatBuffer buffer = own[i].floats((long) maxRows * heads * maxCapacity * headDim);
      for (int h = 0; h < heads; h++) {
        buffer.put(
            ((to * heads + h) * capacity) * headDim,
            buffer,
            ((from * heads + h) * capacity) * headDim,
            written * headDim);
      }
    }
  }

  /**
   * One step for {@code rows} rows after the id and position buffers were filled: rows are grouped
   * by prompt, {@code rows / prompts} each, against {@code promptCache} (2·layers buffers of
   * [prompts, heads, promptLength, head_dim]) and each row's first {@code written} generated
   * positions; the new position's keys and values are written at position {@code written}.
   */
  void step(
      int rows,
      int prompts,
      int promptLength,
      List<FloatBuffer> promptCache,
      int written,
      float inverseTemperature,
      float nucleusFloor)
      throws OrtException {
    FloatBuffer ownBiasView = ownBias.floats(capacity);
    for (int t = 0; t < capacity; t++) {
      ownBiasView.put(t, t < written ? 0f : DecoderGraph.MASKED);
    }
    FloatBuffer samplingView = sampling.floats(2);
    samplingView.put(0, inverseTemperature).put(1, nucleusFloor);
    List<OnnxTensor> owned = new ArrayList<>();
    Map<String, OnnxTensor> inputs = new HashMap<>();
    Map<String, OnnxValue> outputs = new HashMap<>();
    try {
      inputs.put("input_ids", own(owned, ids.longs(rows), new long[] {rows, 1}));
      inputs.put("position_ids", own(owned, positions.longs(rows), new long[] {rows, 1}));
      inputs.put(
          "prompt_bias", own(owned, promptBias.floats((long) prompts * promptLength), new long[] {
            prompts, 1, 1, promptLength
          }));
      inputs.put("own_bias", own(owned, ownBiasView, new long[] {1, 1, 1, capacity}));
      inputs.put("sampling", own(owned, samplingView, new long[] {2}));
      if (slidingWindow > 0) {
        // this step's query sits at index promptLength + written of the padded sequence: a key is
        // within the window when fewer than slidingWindow positions back (itself included)
        FloatBuffer promptWindow = promptWindowBias.floats(promptLength);
        for (int k = 0; k < promptLength; k++) {
          promptWindow.put(
              k, promptLength + written - k < slidingWindow ? 0f : DecoderGraph.MASKED);
        }
        FloatBuffer ownWindow = ownWindowBias.floats(capacity);
        for (int j = 0; j < capacity; j++) {
          ownWindow.put(j, written - j < slidingWindow ? 0f : DecoderGraph.MASKED);
        }
        inputs.put(
            "prompt_window_bias", own(owned, promptWindow, new long[] {1, 1, 1, promptLength}));
        inputs.put("own_window_bias", own(owned, ownWindow, new long[] {1, 1, 1, capacity}));
      }
      long[] promptShape = {prompts, heads, promptLength, headDim};
      long[] ownShape = {rows, heads, capacity, headDim};
      long[] freshShape = {rows, heads, 1, headDim};
      for (int i = 0; i < 2 * layers; i++) {
        String suffix = i / 2 + (i % 2 == 0 ? ".key" : ".value");
        FloatBuffer prompt = promptCache
            .get(i)
            .duplicate()
            .position(0)
            .limit(prompts * heads * promptLength * headDim)
            .slice();
        inputs.put("prompt." + suffix, own(owned, prompt, promptShape));
        inputs.put(
            "own." + suffix,
            own(owned, own[i].floats((long) rows * heads * capacity * headDim), ownShape));
        outputs.put(
            "new." + suffix,
            own(owned, fresh[i].floats((long) rows * heads * headDim), freshShape));
      }
      outputs.put(
          "logits", own(owned, logits.floats((long) rows * vocab), new long[] {rows, 1, vocab}));
      outputs.put(
          "top_logits",
          own(owned, topLogits.floats((long) rows * candidates), new long[] {rows, 1, candidates}));
      outputs.put(
          "top_ids",
          own(owned, topIds.longs((long) rows * candidates), new long[] {rows, 1, candidates}));
      outputs.put(
          "log_normalizer", own(owned, logNormalizer.floats(rows), new long[] {rows, 1, 1}));
      outputs.put("nucleus_mass", own(owned, nucleusMass.floats(rows), new long[] {rows, 1, 1}));
      try (OrtSession.Result result = session.run(inputs, Set.of(), outputs)) {
        // every output is pinned to a reused buffer
      }
    } finally {
      owned.forEach(OnnxTensor::close);
    }
    for (int i = 0; i < 2 * layers; i++) {
      FloatBuffer target = own[i].floats((long) rows * heads * capacity * headDim);
      FloatBuffer source = fresh[i].floats((long) rows * heads * headDim);
      for (int rh = 0; rh < rows * heads; rh++) {
        target.put((rh * capacity + written) * headDim, source, rh * headDim, headDim);
      }
    }
  }

  /** The last step's logits, [rows, vocab] row-major (valid until the next step). */
  FloatBuffer logits(int rows) {
    return logits.floats((long) rows * vocab);
  }

  /** The last step's candidate logits, [rows, candidates], largest first. */
  FloatBuffer topLogits(int rows) {
    return topLogits.floats((long) rows * candidates);
  }

  /** The last step's candidate ids, [rows, candidates]. */
  LongBuffer topIds(int rows) {
    return topIds.longs((long) rows * candidates);
  }

  /** The last step's log-sum-exp of each row's logits. */
  FloatBuffer logNormalizers(int rows) {
    return logNormalizer.floats(rows);
  }

  /** The last step's nucleus mass of each row (see the step graph). */
  FloatBuffer nucleusMasses(int rows) {
    return nucleusMass.floats(rows);
  }

  private OnnxTensor own(List<OnnxTensor> owned, FloatBuffer buffer, long[] shape)
      throws OrtException {
    OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
    owned.add(tensor);
    return tensor;
  }

  private OnnxTensor own(List<OnnxTensor> owned, LongBuffer buffer, long[] shape)
      throws OrtException {
    OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, shape);
    owned.add(tensor);
    return tensor;
  }
}
