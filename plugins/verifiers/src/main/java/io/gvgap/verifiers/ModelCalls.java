package io.gvgap.verifiers;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.verify.VerificationRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Batched model calls for verifiers: one call for many examples' requests, results matched to
 * requests by id (never by position), and every contract breach of a backend reported loudly.
 */
final class ModelCalls {

  private ModelCalls() {}

  /**
   * Fails when two requests share an example id, or two candidates of one request share a sample
   * index: their scores (and model request ids) would collide.
   */
  static void requireDistinctExamples(String verifier, List<VerificationRequest> requests) {
    Set<String> seen = new HashSet<>();
    for (VerificationRequest request : requests) {
      if (!seen.add(request.example().id())) {
        throw new IllegalArgumentException("verifier '" + verifier
            + "' got two requests for example '" + request.example().id()
            + "' in one batch; example ids must be unique within a batch");
      }
      Set<Integer> indices = new HashSet<>();
      for (var candidate : request.candidates()) {
        if (!indices.add(candidate.sampleIndex())) {
          throw new IllegalArgumentException("verifier '" + verifier
              + "' got two candidates with sample index " + candidate.sampleIndex()
              + " for example '" + request.example().id() + "'; sample indices must be unique");
        }
      }
    }
  }

  /** The request's judging model, or a clear error when the pipeline gave none. */
  static LanguageModel modelOf(String verifier, VerificationRequest request) {
    if (request.model() == null) {
      throw new IllegalArgumentException(
          "verifier '" + verifier + "' needs a judging model, but the request for" + " example '"
              + request.example().id() + "' has none; name a model for the verifier in the spec");
    }
    return request.model();
  }

  /**
   * Indexes results by id and checks that every expected id came back exactly once and nothing
   * else did.
   */
  static <R> Map<String, R> byId(
      String verifier, Set<String> expectedIds, List<R> results, Function<R, String> idOf) {
    Map<String, R> byId = new HashMap<>();
    for (R result : results) {
      String id = idOf.apply(result);
      if (!expectedIds.contains(id)) {
        throw new IllegalStateException(
            "model backend answered verifier '" + verifier + "' with unknown request id '" + id
                + "'; a backend must return each request's own id");
      }
      if (byId.put(id, result) != null) {
        throw new IllegalStateException("model backend answered request '" + id + "' of verifier '"
            + verifier + "' twice; a backend must return each request exactly once");
      }
    }
    for (String id : expectedIds) {
      if (!byId.containsKey(id)) {
        throw new IllegalStateException("model backend returned no result for request '" + id
            + "' of verifier '" + verifier + "'; a backend must return each request exactly once");
      }
    }
    return byId;
  }

  /**
   * Generates for all requests, one {@code generate} call per distinct seed (in a run every request
   * shares the run's seed, so that is a single call), and returns each request's completion texts
   * ordered by sample index.
   *
   * @param requestsBySeed generation requests grouped by the seed their sampling must use
   * @param params sampling parameters; their seed is replaced by each group's seed
   */
  static Map<String, List<String>> generate(
      String verifier,
      LanguageModel model,
      Map<Long, List<GenerationRequest>> requestsBySeed,
      SamplingParams params) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (Map.Entry<Long, List<GenerationRequest>> group : requestsBySeed.entrySet()) {
      SamplingParams seeded = new SamplingParams(
          params.temperature(),
          params.topP(),
          params.topK(),
          params.maxNewTokens(),
          group.getKey());
      Map<String, GenerationRequest> requests = new LinkedHashMap<>();
      group.getValue().forEach(r -> requests.put(r.id(), r));
      if (requests.size() != group.getValue().size()) {
        throw new IllegalStateException(
            "verifier '" + verifier + "' built two generation requests with one id"
                + " in one batch; this is a bug in the verifier, please report it");
      }
      Map<String, Generation> results = byId(
          verifier, requests.keySet(), model.generate(group.getValue(), seeded), Generation::id);
      for (GenerationRequest request : group.getValue()) {
        texts.put(request.id(), completionTexts(verifier, request, results.get(request.id())));
      }
    }
    return texts;
  }

  private static List<String> completionTexts(
      String verifier, GenerationRequest request, Generation generation) {
    String[] texts = new String[request.count()];
    for (Completion completion : generation.completions()) {
      int slot = completion.sampleIndex() - request.firstSampleIndex();
      if (slot < 0 || slot >= texts.length || texts[slot] != null) {
        throw new IllegalStateException(
            "model backend returned sample index " + completion.sampleIndex()
                + " (unexpected or repeated) for request '" + request.id() + "' of verifier '"
                + verifier + "'; expected "
                + request.count() + " samples from index " + request.firstSampleIndex());
      }
      texts[slot] = completion.text();
    }
    List<String> ordered = new ArrayList<>(texts.length);
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] == null) {
        throw new IllegalStateException(
            "model backend returned no sample " + (request.firstSampleIndex() + i)
                + " for request '" + request.id() + "' of verifier '" + verifier + "'");
      }
      ordered.add(texts[i]);
    }
    return ordered;
  }

  /** Groups items by seed, keeping first-seen order. */
  static <T> Map<Long, List<T>> groupBySeed(List<T> items, Function<T, Long> seedOf) {
    Map<Long, List<T>> groups = new LinkedHashMap<>();
    for (T item : items) {
      groups.computeIfAbsent(seedOf.apply(item), s -> new ArrayList<>()).add(item);
    }
    return groups;
  }
}
