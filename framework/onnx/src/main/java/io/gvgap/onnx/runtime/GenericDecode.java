package io.gvgap.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The generic decode path, for any decoder graph with a KV cache: every row gets its own copy of its
 * prompt's cache, rows decode one token per call, and a finished row leaves the batch (the cache is
 * compacted to the rows still running).
 */
final class GenericDecode {
  private final DecoderRunner runner;
  private final ModelConfig config;
  /**
   * The decode cache, two sets of 2·layers buffers used in turn: a step reads its past from one set
   * and ONNX Runtime writes the presents straight into the other (pinned outputs). Reused across
   * steps, chunks and calls, so a step allocates no cache memory (fresh, growing allocations each
   * step cost page faults comparable to the step's arithmetic).
   */
  private final DirectBuffers[][] cache;
  /** Floats of the last chunk's cache (both sets, all layers, keys and values). */
  private long sampleCacheFloats;

  GenericDecode(DecoderRunner runner, ModelConfig config) {
    this.runner = runner;
    this.config = config;
    this.cache = new DirectBuffers[2][2 * runner.signature().layers()];
    for (DirectBuffers[] set : cache) {
      for (int i = 0; i < set.length; i++) {
        set[i] = new DirectBuffers();
      }
    }
  }

  /** Floats of the last chunk's decode cache (both sets, all layers, keys and values). */
  long sampleCacheFloats() {
    return sampleCacheFloats;
  }

  /**
   * Decodes a chunk of rows: each row's first token from its prompt's last logits, then one token
   * per call for all running rows, each row reading its own copy of its prompt's cache.
   */
  void decode(
      List<GenerationRow> chunk,
      List<FloatBuffer> prefillCache,
      long rowCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    DecoderSignature signature = runner.signature();
    TokenSampler sampler = new TokenSampler(runner.vocab());
    for (GenerationRow row : chunk) {
      row.accept(
          sampler.choose(FloatBuffer.wrap(lastLogits[row.promptSlot]), 0, params, row.random),
          params);
    }
    // the last step's presents hold the prompt and all but the last generated token; a row stops at
    // the model's context, so a max_tokens beyond it never sizes the cache
    int newTokens = params.maxNewTokens();
    if (config.contextLength() > 0) {
      newTokens = Math.min(newTokens, Math.max(1, config.contextLength() - length + 1));
    }
    long capacityPerRow =
        (long) signature.kvHeads() * (length + Math.max(1, newTokens - 1)) * signature.headDim();
    // two cache sets, each holding every row's copy of its prompt and its generated tokens
    sampleCacheFloats = 2 * 2L * signature.layers() * chunk.size() * capacityPerRow;
    int current = 0;
    List<FloatBuffer> past = new ArrayList<>();
    for (int i = 0; i < 2 * signature.layers(); i++) {
      FloatBuffer replicated = cache[current][i].floats(chunk.size() * capacityPerRow);
      for (GenerationRow row : chunk) {
        replicated.put(prefillCache
            .get(i)
            .duplicate()
            .position((int) (row.promptSlot * rowCache))
            .limit((int) ((row.promptSlot + 1) * rowCache)));
      }
      past.add(replicated);
    }
    List<GenerationRow> active = new ArrayList<>(chunk);
    int total = length;
    while (true) {
      List<GenerationRow> running =
          active.stream().filter(row -> row.finish == null).toList();
      if (running.isEmpty()) {
        break;
      }
      if (running.size() < active.size()) {
        compactInPlace(past, active, (long) signature.kvHeads() * total * signature.headDim());
        active = running;
      }
      int rows = active.size();
      LongBuffer inputIds = runner.inputIds(rows, 1);
      LongBuffer mask = runner.attentionMask(rows, total + 1);
      LongBuffer positions = runner.positionIds(rows, 1);
      for (GenerationRow row : active) {
        inputIds.put(row.lastToken());
        for (int t = 0; t <= total; t++) {
          mask.put(t < row.padding ? 0 : 1);
        }
        positions.put(row.promptLength + row.count - 1);
      }
      long pastFloats = (long) rows * signature.kvHeads() * total * signature.headDim();
      long presentFloats = (long) rows * signature.kvHeads() * (total + 1) * signature.headDim();
      List<OnnxTensor> pastTensors = new ArrayList<>();
      List<FloatBuffer> presents = new ArrayList<>();
      FloatBuffer logits;
      try {
        for (int i = 0; i < 2 * signature.layers(); i++) {
          pastTensors.add(OnnxTensor.createTensor(
              runner.env(),
              past.get(i).duplicate().position(0).limit((int) pastFloats).slice(),
              new long[] {rows, signature.kvHeads(), total, signature.headDim()}));
          presents.add(cache[1 - current][i]
              .floats(Math.max(presentFloats, chunk.size() * capacityPerRow))
              .limit((int) presentFloats)
              .slice());
        }
        try (DecoderRunner.Step step =
            runner.run(rows, 1, total + 1, pastTensors, presents, false)) {
          // the runner's reused logits buffer: valid until its next call
          logits = step.logits();
        }
      } finally {
        pastTensors.forEach(OnnxTensor::close);
      }
      past = presents;
      current = 1 - current;
      total++;
      for (int r = 0; r < rows; r++) {
        GenerationRow row = active.get(r);
        row.accept(sampler.choose(logits, r * runner.vocab(), params, row.random), params);
      }
    }
  }

  /**
   * Moves the cache rows of the rows still running to the front of each buffer, in order. A row
   * only moves to a lower index and rows are moved in increasing order, so no source is overwritten
   * before it is read.
   */
  private static void compactInPlace(
      List<FloatBuffer> past, List<GenerationRow> active, long rowCache) {
    for (FloatBuffer buffer : past) {
      int kept = 0;
      for (int r = 0; r < active.size(); r++) {
        if (active.get(r).finish == null) {
          if (kept != r) {
            buffer.put((int) (kept * rowCache), buffer, (int) (r * rowCache), (int) rowCache);
          }
          kept++;
        }
      }
    }
  }
}
