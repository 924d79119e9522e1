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

/**
 * Generates many samples for many prompts. Prompts are ordered by length and prefilled in groups
 * (left padding, so every prompt's last token sits in the last column); each prompt is prefilled
 * once and its KV cache copied to each of its samples' rows; rows then decode one token per call,
 * and a finished row leaves the batch (the cache is compacted to the rows still running).
 */
final class GenerationEngine {
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
  /** The shared-prefix decode step, for gvgap's own models; null for the generic path. */
  private final SharedPrefixRunner shared;
  /** Floats of the last group's prompt cache (all layers, keys and values). */
  private long promptCacheFloats;
  /** Floats of the last chunk's per-sample cache (all layers, keys and values). */
  private long sampleCacheFloats;
  /** Decode-step tokens chosen from the step graph's candidates, and from the full logits. */
  private long candidateChoices;

  private long fullChoices;

  GenerationEngine(
      DecoderRunner runner, TextTokenizer tokenizer, ModelConfig config, int maxBatchRows) {
    this(runner, null, tokenizer, config, maxBatchRows);
  }

  GenerationEngine(
      DecoderRunner runner,
      SharedPrefixRunner shared,
      TextTokenizer tokenizer,
      ModelConfig config,
      int maxBatchRows) {
    this.runner = runner;
    this.shared = shared;
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
    int start = 0;
    while (start < prompts.size()) {
      int end = start;
      int rows = 0;
      while (end < prompts.size()) {
        int count = prompts.get(end).request().count();
        // a prefill that computes the last position's logits only returns one row per prompt
        long logitRows = runner.lastPositionLogits() ? 1 : prompts.get(end).ids().length;
        boolean fits = rows + count <= maxBatchRows
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
  long candidateChoices() {
    return candidateChoices;
  }

  /** Decode-step tokens of the shared-prefix path that needed the full logits so far. */
  long fullChoices() {
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
    for (int from = 0; from < rows.size(); from += maxBatchRows) {
      List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + maxBatchRows));
      if (shared != null) {
        decodeShared(chunk, prefillCache, lastLogits, length, params);
      } else {
        decode(chunk, prefillCache, rowCache, lastLogits, length, params);
      }
      chunk.forEach(row -> results.add(row.result()));
    }
    return results;
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
    sampleCacheFloats = shared.ownCacheFloats();
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
    while (true) {
      Map<Integer, List<Row>> live = new LinkedHashMap<>();
      for (Row row : chunk) {
        if (row.finish == null) {
          live.computeIfAbsent(row.promptSlot, slot -> new ArrayList<>()).add(row);
        }
      }
      if (live.isEmpty()) {
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
          fullChoices++;
        } else {
          candidateChoices++;
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
