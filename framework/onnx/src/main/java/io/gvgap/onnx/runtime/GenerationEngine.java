package io.gvgap.onnx.runtime;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.decoder.DecoderGraph;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates many samples for many prompts. Prompts are ordered by length and prefilled in groups
 * (left padding, so every prompt's last token sits in the last column); each prompt is prefilled
 * once and its KV cache copied to each of its samples' rows; rows then decode one token per call,
 * and a finished row leaves the batch (the cache is compacted to the rows still running).
 *
 * <p>The shared-prefix path may decode on several lanes ({@link DecodeLanes}): each lane is a step
 * session of its own with its own buffers, and a group's rows are split into one chunk per lane
 * (whole prompts per chunk, or parts of one prompt) that decode at the same time. Every row keeps its
 * own seeded random stream, so the samples do not depend on the number of lanes.
 */
final class GenerationEngine implements AutoCloseable {
  /** Most logits floats one prefill call may return (256 MiB), which bounds prompts per prefill. */
  static final long PREFILL_LOGITS_BUDGET = 64L << 20;

  private final DecoderRunner runner;
  private final TextTokenizer tokenizer;
  private final ModelConfig config;
  private final int maxBatchRows;
  private final long padId;
  /**
   * The decode cache, two sets of 2·layers buffers used in turn: a step reads its past from one set
   * and ONNX Runtime writes the presents straight into the other (pinned outputs). Reused across
   * steps, chunks and calls, so a step allocates no cache memory (fresh, growing allocations each
   * step cost page faults comparable to the step's arithmetic).
   */
  private final DirectBuffers[][] cache;
  /** The prompts' cache (the prefill's presents), one copy per prompt, reused across groups and calls. */
  /** The chat template prompts are rendered through, or null. */
  private ChatTemplate chat;

  private final DirectBuffers[] promptCache;
  /** The shared-prefix decode step's lanes, for gvgap's own models; empty for the generic path. */
  private final List<SharedPrefixRunner> lanes;
  /** Runs the lanes beside each other; null until a group needs more than one lane. */
  private ExecutorService laneThreads;
  /** Floats of the last group's prompt cache (all layers, keys and values). */
  private long promptCacheFloats;
  /** Floats of the last chunk's per-sample cache (all layers, keys and values). */
  private long sampleCacheFloats;
  /** Decode-step tokens chosen from the step graph's candidates, and from the full logits. */
  private long candidateChoices;

  private long fullChoices;

  private synchronized void addChoices(long fromCandidates, long full) {
    candidateChoices += fromCandidates;
    fullChoices += full;
  }

  GenerationEngine(
      DecoderRunner runner, TextTokenizer tokenizer, ModelConfig config, int maxBatchRows) {
    this(runner, List.of(), tokenizer, config, maxBatchRows);
  }

  GenerationEngine(
      DecoderRunner runner,
      List<SharedPrefixRunner> lanes,
      TextTokenizer tokenizer,
      ModelConfig config,
      int maxBatchRows) {
    this.runner = runner;
    this.lanes = List.copyOf(lanes);
    this.tokenizer = tokenizer;
    this.config = config;
    this.maxBatchRows = maxBatchRows;
    this.padId = config.eosIds().isEmpty() ? 0 : config.eosIds().iterator().next();
    this.cache = new DirectBuffers[2][2 * runner.signature().layers()];
    this.promptCache = new DirectBuffers[2 * runner.signature().layers()];
    for (int i = 0; i < promptCache.length; i++) {
      promptCache[i] = new DirectBuffers();
    }
    for (DirectBuffers[] set : cache) {
      for (int i = 0; i < set.length; i++) {
        set[i] = new DirectBuffers();
      }
    }
  }

  /** A prompt's tokens. */
  private record PromptTokens(GenerationRequest request, long[] ids) {}

  List<SampleResult> generate(List<GenerationRequest> requests, SamplingParams params)
      throws OrtException {
    Set<String> ids = new HashSet<>();
    List<PromptTokens> prompts = new ArrayList<>();
    for (GenerationRequest request : requests) {
      if (!ids.add(request.id())) {
        throw new IllegalArgumentException(
            "two generation requests share the id '" + request.id() + "'; ids must be unique");
      }
      prompts.add(new PromptTokens(request, encodePrompt(request.id(), request.prompt())));
    }
    prompts.sort(Comparator.comparingInt((PromptTokens p) -> p.ids().length));
    List<SampleResult> results = new ArrayList<>();
    // on several lanes a group holds up to a full chunk per lane, so that every lane decodes rows
    // of
    // the batch size asked for
    long groupRows = (long) maxBatchRows * Math.max(1, lanes.size());
    int start = 0;
    while (start < prompts.size()) {
      int end = start;
      int rows = 0;
      while (end < prompts.size()) {
        int count = prompts.get(end).request().count();
        // a prefill that computes the last position's logits only returns one row per prompt
        long logitRows = runner.lastPositionLogits() ? 1 : prompts.get(end).ids().length;
        boolean fits = rows + count <= groupRows
            && (end - start + 1) * logitRows * runner.vocab() <= PREFILL_LOGITS_BUDGET;
        if (end > start && !fits) {
          break;
        }
        rows += count;
        end++;
      }
      results.addAll(generateGroup(prompts.subList(start, end), params));
      start = end;
    }
    return results;
  }

  /**
   * Floats of the prompt cache of the last prefilled group: one copy per prompt (all layers, keys
   * and values), whatever the number of samples.
   */
  long promptCacheFloats() {
    return promptCacheFloats;
  }

  /** Floats of the decode cache of the last chunk beyond the prompt cache (all layers). */
  long sampleCacheFloats() {
    return sampleCacheFloats;
  }

  /** Decode-step tokens chosen from the step graph's candidates so far. */
  synchronized long candidateChoices() {
    return candidateChoices;
  }

  /** Decode-step tokens of the shared-prefix path that needed the full logits so far. */
  synchronized long fullChoices() {
    return fullChoices;
  }

  /** Renders every prompt through {@code template} from now on (null: prompts as they are). */
  void useChatTemplate(ChatTemplate template) {
    this.chat = template;
  }

  /** The text the model reads for {@code prompt}: itself, or its chat-template rendering. */
  String promptText(String prompt) {
    return chat == null ? prompt : chat.render(prompt);
  }

  /**
   * Tokens of a prompt, checked against the context length. A prompt rendered by a chat template
   * holds its special tokens already and is tokenised without adding any.
   */
  long[] encodePrompt(String id, String prompt) {
    long[] tokens = tokenizer.encode(promptText(prompt), chat == null);
    if (tokens.length == 0) {
      if (config.bosId() < 0) {
        throw new IllegalArgumentException(
            "the prompt of request '" + id + "' is empty and the model has no "
                + "bos_token_id in config.json to start from; give a non-empty prompt");
      }
      tokens = new long[] {config.bosId()};
    }
    if (config.contextLength() > 0 && tokens.length > config.contextLength()) {
      throw new IllegalArgumentException("the prompt of request '" + id + "' has " + tokens.length
          + " tokens but the model's context length is " + config.contextLength()
          + " (config.json); shorten the prompt");
    }
    return tokens;
  }

  private List<SampleResult> generateGroup(List<PromptTokens> group, SamplingParams params)
      throws OrtException {
    DecoderSignature signature = runner.signature();
    int prompts = group.size();
    int length = group.get(prompts - 1).ids().length;
    LongBuffer inputIds = runner.inputIds(prompts, length);
    LongBuffer mask = runner.attentionMask(prompts, length);
    LongBuffer positions = runner.positionIds(prompts, length);
    for (PromptTokens prompt : group) {
      int pad = length - prompt.ids().length;
      for (int t = 0; t < length; t++) {
        inputIds.put(t < pad ? padId : prompt.ids()[t - pad]);
        mask.put(t < pad ? 0 : 1);
        positions.put(t < pad ? 0 : t - pad);
      }
    }
    long rowCache = (long) signature.kvHeads() * length * signature.headDim();
    List<FloatBuffer> prefillCache = new ArrayList<>();
    for (int i = 0; i < 2 * signature.layers(); i++) {
      prefillCache.add(promptCache[i].floats(prompts * rowCache));
    }
    promptCacheFloats = 2L * signature.layers() * prompts * rowCache;
    float[][] lastLogits = new float[prompts][runner.vocab()];
    boolean lastOnly = runner.lastPositionLogits();
    try (DecoderRunner.Step step =
        runner.run(prompts, length, length, null, prefillCache, false, lastOnly)) {
      for (int p = 0; p < prompts; p++) {
        int row = lastOnly ? p : (p + 1) * length - 1;
        step.logits().get(row * runner.vocab(), lastLogits[p]);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      GenerationRequest request = group.get(p).request();
      for (int s = 0; s < request.count(); s++) {
        int sampleIndex = request.firstSampleIndex() + s;
        rows.add(new Row(
            request,
            p,
            sampleIndex,
            group.get(p).ids().length,
            length,
            new SplittableRandom(SampleSeeds.seed(params.seed(), request.id(), sampleIndex))));
      }
    }
    List<SampleResult> results = new ArrayList<>();
    if (lanes.isEmpty()) {
      for (int from = 0; from < rows.size(); from += maxBatchRows) {
        List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + maxBatchRows));
        decode(chunk, prefillCache, rowCache, lastLogits, length, params);
        chunk.forEach(row -> results.add(row.result()));
      }
      return results;
    }
    List<List<Row>> chunks = laneChunks(rows, lanes.size());
    decodeOnLanes(chunks, prefillCache, lastLogits, length, params);
    for (List<Row> chunk : chunks) {
      chunk.forEach(row -> results.add(row.result()));
    }
    return results;
  }

  /**
   * A group's rows in chunks for {@code laneCount} lanes: each chunk at most min(maxBatchRows,
   * ⌈rows / lanes⌉) rows, and either whole prompts (a chunk of several prompts holds all their rows,
   * so a chunk may move its prompts' caches within its own slots) or a part of one prompt (which
   * never moves its cache).
   */
  private List<List<Row>> laneChunks(List<Row> rows, int laneCount) {
    int target = Math.min(maxBatchRows, (rows.size() + laneCount - 1) / laneCount);
    List<List<Row>> chunks = new ArrayList<>();
    List<Row> current = new ArrayList<>();
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
      List<List<Row>> chunks,
      List<FloatBuffer> prefillCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    int used = Math.min(lanes.size(), chunks.size());
    long[] laneCache = new long[used];
    if (used == 1) {
      for (List<Row> chunk : chunks) {
        decodeShared(lanes.get(0), chunk, prefillCache, lastLogits, length, params);
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
          decodeShared(lanes.get(lane), chunks.get(c), prefillCache, lastLogits, length, params);
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

  private void decode(
      List<Row> chunk,
      List<FloatBuffer> prefillCache,
      long rowCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    DecoderSignature signature = runner.signature();
    TokenSampler sampler = new TokenSampler(runner.vocab());
    for (Row row : chunk) {
      row.accept(
          sampler.choose(FloatBuffer.wrap(lastLogits[row.promptSlot]), 0, params, row.random),
          params);
    }
    // the last step's presents hold the prompt and all but the last generated token; a row stops at
    // the
    // model's context, so a max_tokens beyond it never sizes the cache
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
      for (Row row : chunk) {
        replicated.put(prefillCache
            .get(i)
            .duplicate()
            .position((int) (row.promptSlot * rowCache))
            .limit((int) ((row.promptSlot + 1) * rowCache)));
      }
      past.add(replicated);
    }
    List<Row> active = new ArrayList<>(chunk);
    int total = length;
    while (true) {
      List<Row> running = active.stream().filter(row -> row.finish == null).toList();
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
      for (Row row : active) {
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
        Row row = active.get(r);
        row.accept(sampler.choose(logits, r * runner.vocab(), params, row.random), params);
      }
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
  private void decodeShared(
      SharedPrefixRunner shared,
      List<Row> chunk,
      List<FloatBuffer> prefillCache,
      float[][] lastLogits,
      int length,
      SamplingParams params)
      throws OrtException {
    DecoderSignature signature = runner.signature();
    int vocab = runner.vocab();
    TokenSampler sampler = new TokenSampler(vocab);
    int shortestPrompt = Integer.MAX_VALUE;
    for (Row row : chunk) {
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
    Row[] at = new Row[0];
    CandidateSampler candidates = new CandidateSampler(vocab, shared.candidates());
    int k = shared.candidates();
    float inverseTemperature =
        params.temperature() == 0 ? 1f : (float) (1.0 / params.temperature());
    float nucleusFloor = (float) ((1 - params.topP()) / vocab);
    int written = 0;
    long fromCandidates = 0;
    long full = 0;
    while (true) {
      Map<Integer, List<Row>> live = new LinkedHashMap<>();
      for (Row row : chunk) {
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
        // overwritten
        // before it is read
        for (int g = 0; g < alive.size(); g++) {
          int from = promptAt.indexOf(alive.get(g));
          if (from != g) {
            for (FloatBuffer buffer : promptCache) {
              buffer.put(g * promptFloats, buffer, from * promptFloats, promptFloats);
            }
          }
        }
        at = new Row[alive.size() * width];
        FloatBuffer bias = shared.promptBias(alive.size(), length);
        for (int g = 0; g < alive.size(); g++) {
          List<Row> rows = live.get(alive.get(g));
          for (int rank = 0; rank < rows.size(); rank++) {
            Row row = rows.get(rank);
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
        Row row = at[position];
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
        Row row = at[position];
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

  /**
   * Moves the cache rows of the rows still running to the front of each buffer, in order. A row
   * only moves to a lower index and rows are moved in increasing order, so no source is overwritten
   * before it is read.
   */
  private static void compactInPlace(List<FloatBuffer> past, List<Row> active, long rowCache) {
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

  /** One sample being generated. */
  private final class Row {
    final GenerationRequest request;
    final int promptSlot;
    final int sampleIndex;
    final int promptLength;
    final int padding;
    final SplittableRandom random;
    /** The row's index in the shared-prefix step's layout; -1 before its first step. */
    int position = -1;

    long[] tokens = new long[16];
    int count;
    double logProb;
    FinishReason finish;
    String text;

    Row(
        GenerationRequest request,
        int promptSlot,
        int sampleIndex,
        int promptLength,
        int paddedLength,
        SplittableRandom random) {
      this.request = request;
      this.promptSlot = promptSlot;
      this.sampleIndex = sampleIndex;
      this.promptLength = promptLength;
      this.padding = paddedLength - promptLength;
      this.random = random;
    }

    long lastToken() {
      return tokens[count - 1];
    }

    void accept(TokenSampler.Choice choice, SamplingParams params) {
      if (count == tokens.length) {
        tokens = Arrays.copyOf(tokens, 2 * count);
      }
      tokens[count++] = choice.token();
      logProb += choice.logProb();
      if (config.eosIds().contains((long) choice.token())) {
        finish = FinishReason.EOS;
        text = tokenizer.decode(Arrays.copyOf(tokens, count - 1));
        return;
      }
      if (!request.stop().isEmpty()) {
        String decoded = tokenizer.decode(Arrays.copyOf(tokens, count));
        int cut = -1;
        for (String stop : request.stop()) {
          int at = stop.isEmpty() ? -1 : decoded.indexOf(stop);
          if (at >= 0 && (cut < 0 || at < cut)) {
            cut = at;
          }
        }
        if (cut >= 0) {
          finish = FinishReason.STOP;
          text = decoded.substring(0, cut);
          return;
        }
      }
      if (count >= params.maxNewTokens()) {
        finish = FinishReason.LENGTH;
      } else if (config.contextLength() > 0 && promptLength + count > config.contextLength()) {
        // the next call would have to read promptLength + count tokens, more than the model's
        // positions
        finish = FinishReason.CONTEXT;
      }
      if (finish != null) {
        text = tokenizer.decode(Arrays.copyOf(tokens, count));
      }
    }

    SampleResult result() {
      return new SampleResult(
          request.id(), sampleIndex, text, Arrays.copyOf(tokens, count), logProb, finish);
    }
  }
}
