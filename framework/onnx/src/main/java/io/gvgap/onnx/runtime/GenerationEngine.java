package io.gvgap.onnx.runtime;

import ai.onnxruntime.OrtException;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates many samples for many prompts. Prompts are ordered by length and prefilled in groups
 * (left padding, so every prompt's last token sits in the last column), each prompt once; its
 * samples' rows then decode one token per call on one of two paths: {@link SharedPrefixDecode} for
 * gvgap's own decoders (the prompt's cache read in place by all its samples, possibly on several
 * lanes), {@link GenericDecode} for any other decoder graph (the prompt's cache copied to each row).
 */
final class GenerationEngine implements AutoCloseable {
  /** Most logits floats one prefill call may return (256 MiB), which bounds prompts per prefill. */
  static final long PREFILL_LOGITS_BUDGET = 64L << 20;

  private final DecoderRunner runner;
  private final TextTokenizer tokenizer;
  private final ModelConfig config;
  private final int maxBatchRows;
  private final long padId;
  /** The chat template prompts are rendered through, or null. */
  private ChatTemplate chat;
  /** The prompts' cache (the prefill's presents), one copy per prompt, reused across groups and calls. */
  private final DirectBuffers[] promptCache;
  /** The generic decode path; used when there are no shared-prefix lanes. */
  private final GenericDecode generic;
  /** The shared-prefix decode path, for gvgap's own models; null for the generic path. */
  private final SharedPrefixDecode shared;
  /** Floats of the last group's prompt cache (all layers, keys and values). */
  private long promptCacheFloats;

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
    this.tokenizer = tokenizer;
    this.config = config;
    this.maxBatchRows = maxBatchRows;
    this.padId = config.eosIds().isEmpty() ? 0 : config.eosIds().iterator().next();
    this.promptCache = new DirectBuffers[2 * runner.signature().layers()];
    for (int i = 0; i < promptCache.length; i++) {
      promptCache[i] = new DirectBuffers();
    }
    this.generic = lanes.isEmpty() ? new GenericDecode(runner, config) : null;
    this.shared =
        lanes.isEmpty() ? null : new SharedPrefixDecode(runner, lanes, config, maxBatchRows, padId);
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
    long groupRows = (long) maxBatchRows * (shared == null ? 1 : shared.laneCount());
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
    return shared == null ? generic.sampleCacheFloats() : shared.sampleCacheFloats();
  }

  /** Decode-step tokens chosen from the step graph's candidates so far. */
  long candidateChoices() {
    return shared == null ? 0 : shared.candidateChoices();
  }

  /** Decode-step tokens of the shared-prefix path that needed the full logits so far. */
  long fullChoices() {
    return shared == null ? 0 : shared.fullChoices();
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
    List<GenerationRow> rows = new ArrayList<>();
    for (int p = 0; p < prompts; p++) {
      GenerationRequest request = group.get(p).request();
      for (int s = 0; s < request.count(); s++) {
        int sampleIndex = request.firstSampleIndex() + s;
        rows.add(new GenerationRow(
            request,
            p,
            sampleIndex,
            group.get(p).ids().length,
            length,
            new SplittableRandom(SampleSeeds.seed(params.seed(), request.id(), sampleIndex)),
            tokenizer,
            config));
      }
    }
    List<SampleResult> results = new ArrayList<>();
    if (shared == null) {
      for (int from = 0; from < rows.size(); from += maxBatchRows) {
        List<GenerationRow> chunk = rows.subList(from, Math.min(rows.size(), from + maxBatchRows));
        generic.decode(chunk, prefillCache, rowCache, lastLogits, length, params);
        chunk.forEach(row -> results.add(row.result()));
      }
      return results;
    }
    for (List<GenerationRow> chunk :
        shared.decodeGroup(rows, prefillCache, lastLogits, length, params)) {
      chunk.forEach(row -> results.add(row.result()));
    }
    return results;
  }

  /** Stops the lanes' threads. */
  @Override
  public void close() {
    if (shared != null) {
      shared.close();
    }
  }
}
