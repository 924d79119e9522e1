package io.gvgap.onnx.runtime;

import ai.onnxruntime.OrtException;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.DecoderGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared-prefix decode path, for gvgap's own decoders: each prompt's cache is read in place by
 * all its samples, each sample's generated tokens' cache is written in place, and tokens are chosen
 * from the step graph's top candidates. It may decode on several lanes ({@link DecodeLanes}): each
 * lane is a step session of its own with its own buffers, and a group's rows are split into chunks
 * (whole prompts per chunk, or parts of one prompt) that decode at the same time. Every row keeps its
 * own seeded random stream, so the samples do not depend on the number of lanes.
 */
final class SharedPrefixDecode implements AutoCloseable {
  private final DecoderRunner runner;
  private final List<SharedPrefixRunner> lanes;
  private final ModelConfig config;
  private final int maxBatchRows;
  private final long padId;
  /** Runs the lanes beside each other; null until a group needs more than one lane. */
  private ExecutorService laneThreads;
  /** Floats of the last group's per-sample cache (all lanes, all layers, keys and values). */
  private long sampleCacheFloats;
  /** Decode-step tokens chosen from the step graph's candidates, and from the full logits. */
  private long candidateChoices;

  private long fullChoices;

  /**
   * @param runner the prefill runner (its signature and vocabulary)
   * @param lanes the shared-prefix step's lanes, at least one
   * @param maxBatchRows most rows a lane decodes at once
   * @param padId the token idle rows read
   */
  SharedPrefixDecode(
      DecoderRunner runner,
      List<SharedPrefixRunner> lanes,
      ModelConfig config,
      int maxBatchRows,
      long padId) {
    if (lanes.isEmpty()) {
      throw new IllegalArgumentException("the shared-prefix path needs at least one lane");
    }
    this.runner = runner;
    this.lanes = List.copyOf(lanes);
    this.config = config;
    this.maxBatchRows = maxBatchRows;
    this.padId = padId;
  }

  /** The number of lanes. */
  int laneCount() {
    return lanes.size();
  }

  /** Floats of the last group's per-sample decode cache (all lanes, all layers). */
  long sampleCacheFloats() {
    return sampleCacheFloats;
  }

  /** Decode-step tokens chosen from the step graph's candidates so far. */
  synchronized long candidateChoices() {
    return candidateChoices;
  }

  /** Decode-step tokens that needed the full logits so far. */
  synchronized long fullChoices() {
    return fullChoices;
  }

  private synchronized void addChoices(long fromCandidates, long full) {
    candidateChoices += fromCandidates;
    fullChoices += full;
  }

  /**
   * Decodes a prefilled group's rows (ordered by prompt slot) on the lanes; returns them in chunks,
   * the order their results are reported in.
   */
  List<List<GenerationRow>> decodeGroup(
      List<GenerationRow> rows,
      List<FloatBuffer> prefillCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    List<List<GenerationRow>> chunks = laneChunks(rows, lanes.size());
    decodeOnLanes(chunks, prefillCache, lastLogits, length, params);
    return chunks;
  }

  /**
   * A group's rows in chunks for {@code laneCount} lanes: each chunk at most min(maxBatchRows,
   * ⌈rows / lanes⌉) rows, and either whole prompts (a chunk of several prompts holds all their rows,
   * so a chunk may move its prompts' caches within its own slots) or a part of one prompt (which
   * never moves its cache).
   */
  private List<List<GenerationRow>> laneChunks(List<GenerationRow> rows, int laneCount) {
    int target = Math.min(maxBatchRows, (rows.size() + laneCount - 1) / laneCount);
    List<List<GenerationRow>> chunks = new ArrayList<>();
    List<GenerationRow> current = new ArrayList<>();
    int from = 0;
    while (from < rows.size()) {
      int slot = rows.get(from).promptSlot;
      int to = from;
      while (to < rows.size() && rows.get(to).promptSlot == slot) {
        to++;
      }
      int count = to - from;
      if (!current.isEmpty() && current.size() + count > target) {
        chunks.add(current);
        current = new ArrayList<>();
      }
      if (count <= target) {
        current.addAll(rows.subList(from, to));
      } else {
        for (int part = from; part < to; part += target) {
          chunks.add(new ArrayList<>(rows.subList(part, Math.min(to, part + target))));
        }
      }
      from = to;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }

  /**
   * Decodes the chunks, chunk {@code c} on lane {@code c mod lanes}; with more than one chunk, the
   * lanes run beside each other, each through its chunks in order.
   */
  private void decodeOnLanes(
      List<List<GenerationRow>> chunks,
      List<FloatBuffer> prefillCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    int used = Math.min(lanes.size(), chunks.size());
    long[] laneCache = new long[used];
    if (used == 1) {
      for (List<GenerationRow> chunk : chunks) {
        decodeChunk(lanes.get(0), chunk, prefillCache, lastLogits, length, params);
        laneCache[0] = Math.max(laneCache[0], lanes.get(0).ownCacheFloats());
      }
      sampleCacheFloats = laneCache[0];
      return;
    }
    if (laneThreads == null) {
      AtomicInteger created = new AtomicInteger();
      laneThreads = Executors.newFixedThreadPool(lanes.size(), task -> {
        Thread thread = new Thread(task, "gvgap-decode-lane-" + created.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
    }
    List<Future<?>> running = new ArrayList<>();
    for (int l = 0; l < used; l++) {
      int lane = l;
      running.add(laneThreads.submit(() -> {
        for (int c = lane; c < chunks.size(); c += used) {
          decodeChunk(lanes.get(lane), chunks.get(c), prefillCache, lastLogits, length, params);
          laneCache[lane] = Math.max(laneCache[lane], lanes.get(lane).ownCacheFloats());
        }
        return null;
      }));
    }
    Throwable failure = null;
    for (Future<?> lane : running) {
      try {
        lane.get();
      } catch (ExecutionException e) {
        failure = failure == null ? e.getCause() : failure;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = failure == null ? e : failure;
      }
    }
    if (failure instanceof OrtException e) {
      throw e;
    } else if (failure instanceof RuntimeException e) {
      throw e;
    } else if (failure instanceof Error e) {
      throw e;
    } else if (failure != null) {
      throw new IllegalStateException("a decode lane failed: " + failure, failure);
    }
    sampleCacheFloats = Arrays.stream(laneCache).sum();
  }

  /** Stops the lanes' threads. */
  @Override
  public void close() {
    if (laneThreads != null) {
      laneThreads.shutdownNow();
      laneThreads = null;
    }
  }

  /**
   * Decodes a chunk with the shared-prefix step: each prompt's cache (the prefill's presents) is
   * read in place by all its samples, each sample's generated tokens' cache is written in place,
   * and tokens are chosen from the graph's top candidates. The rows of a step are laid out prompt by
   * prompt, S = the most rows any prompt still runs, padded with idle rows for prompts running
   * fewer; a prompt whose rows all finished leaves the step.
   *
   * <p>A chunk holds several prompts only when it holds all their rows (a group of several prompts
   * fits one chunk), so moving a prompt's cache within the prefill buffers is safe.
   */
  private void decodeChunk(
      SharedPrefixRunner shared,
      List<GenerationRow> chunk,
      List<FloatBuffer> prefillCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    DecoderSignature signature = runner.signature();
    int vocab = runner.vocab();
    TokenSampler sampler = new TokenSampler(vocab);
    int shortestPrompt = Integer.MAX_VALUE;
    for (GenerationRow row : chunk) {
      row.accept(
          sampler.choose(FloatBuffer.wrap(lastLogits[row.promptSlot]), 0, params, row.random),
          params);
      shortestPrompt = Math.min(shortestPrompt, row.promptLength);
    }
    // a row stops at the model's context, so a max_tokens beyond it never sizes the cache
    int newTokens = params.maxNewTokens();
    if (config.contextLength() > 0) {
      newTokens = Math.min(newTokens, Math.max(1, config.contextLength() - shortestPrompt + 1));
    }
    int capacity = Math.max(1, newTokens - 1);
    shared.prepare(chunk.size(), capacity);
    int firstSlot = chunk.get(0).promptSlot;
    int slots = chunk.get(chunk.size() - 1).promptSlot - firstSlot + 1;
    int promptFloats = Math.toIntExact((long) signature.kvHeads() * length * signature.headDim());
    List<FloatBuffer> promptCache = new ArrayList<>();
    for (FloatBuffer buffer : prefillCache) {
      promptCache.add(buffer
          .duplicate()
          .position(firstSlot * promptFloats)
          .limit((firstSlot + slots) * promptFloats)
          .slice());
    }
    List<Integer> promptAt = new ArrayList<>();
    for (int slot = firstSlot; slot < firstSlot + slots; slot++) {
      promptAt.add(slot);
    }
    int perPrompt = -1;
    GenerationRow[] at = new GenerationRow[0];
    CandidateSampler candidates = new CandidateSampler(vocab, shared.candidates());
    int k = shared.candidates();
    float inverseTemperature =
        params.temperature() == 0 ? 1f : (float) (1.0 / params.temperature());
    float nucleusFloor = (float) ((1 - params.topP()) / vocab);
    int written = 0;
    long fromCandidates = 0;
    long full = 0;
    while (true) {
      Map<Integer, List<GenerationRow>> live = new LinkedHashMap<>();
      for (GenerationRow row : chunk) {
        if (row.finish == null) {
          live.computeIfAbsent(row.promptSlot, slot -> new ArrayList<>()).add(row);
        }
      }
      if (live.isEmpty()) {
        addChoices(fromCandidates, full);
        break;
      }
      if (written >= capacity) {
        throw new IllegalStateException("a sample ran past the " + capacity
            + " generated positions its cache was sized for; this is a bug in gvgap");
      }
      int width = live.values().stream().mapToInt(List::size).max().orElseThrow();
      List<Integer> alive = new ArrayList<>(live.keySet());
      if (width != perPrompt || !alive.equals(promptAt)) {
        // prompts and rows only move to lower indices, in increasing order: no source is
        // overwritten before it is read
        for (int g = 0; g < alive.size(); g++) {
          int from = promptAt.indexOf(alive.get(g));
          if (from != g) {
            for (FloatBuffer buffer : promptCache) {
              buffer.put(g * promptFloats, buffer, from * promptFloats, promptFloats);
            }
          }
        }
        at = new GenerationRow[alive.size() * width];
        FloatBuffer bias = shared.promptBias(alive.size(), length);
        for (int g = 0; g < alive.size(); g++) {
          List<GenerationRow> rows = live.get(alive.get(g));
          for (int rank = 0; rank < rows.size(); rank++) {
            GenerationRow row = rows.get(rank);
            int position = g * width + rank;
            if (row.position >= 0) {
              shared.moveRow(row.position, position, written);
            }
            row.position = position;
            at[position] = row;
          }
          int padding = rows.get(0).padding;
          for (int t = 0; t < length; t++) {
            bias.put(g * length + t, t < padding ? DecoderGraph.MASKED : 0f);
          }
        }
        promptAt = alive;
        perPrompt = width;
      }
      int rows = at.length;
      LongBuffer inputIds = shared.inputIds(rows);
      LongBuffer positions = shared.positionIds(rows);
      for (int position = 0; position < rows; position++) {
        GenerationRow row = at[position];
        boolean idle = row == null || row.finish != null;
        inputIds.put(position, idle ? padId : row.lastToken());
        positions.put(position, idle ? 0 : row.promptLength + row.count - 1);
      }
      shared.ensureCapacity(written + 1, written);
      shared.step(
          rows, alive.size(), length, promptCache, written, inverseTemperature, nucleusFloor);
      written++;
      FloatBuffer topLogits = shared.topLogits(rows);
      LongBuffer topIds = shared.topIds(rows);
      FloatBuffer normalizers = shared.logNormalizers(rows);
      FloatBuffer masses = shared.nucleusMasses(rows);
      for (int position = 0; position < rows; position++) {
        GenerationRow row = at[position];
        if (row == null || row.finish != null) {
          continue;
        }
        TokenSampler.Choice choice = candidates.choose(
            topLogits,
            topIds,
            position * k,
            k,
            normalizers.get(position),
            masses.get(position),
            params,
            row.random);
        if (choice == null) {
          choice = sampler.choose(shared.logits(rows), position * vocab, params, row.random);
          full++;
        } else {
          fromCandidates++;
        }
        row.accept(choice, params);
      }
    }
  }
}
