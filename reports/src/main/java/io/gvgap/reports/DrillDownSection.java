package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleRecord;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-example drill-down: prompt, reference, and every sample with its answer, utility, scores and
 * the verifiers' raw outputs. The browser renders rows lazily from this data, so short keys keep
 * the embedded JSON small: per example {@code g} (group index), {@code id}, {@code q} (question),
 * {@code r} (reference), {@code p} (prompt), and {@code s}, the samples: {@code i} (index),
 * {@code x} (text), {@code a} (answer, null when none extracted), {@code u} (utility), {@code n}
 * (tokens), {@code f} (finish reason), {@code v}, per verifier of {@code verifiers}
 * {@code [score or null, verdict, raw output]} or null when that verifier has not scored the sample,
 * and {@code k}, per strategy of {@code strategies} (each {@code {v: verifier, f: filter}}), the
 * sample's weight when the strategy kept it, 0 when it did not, null when the run stored no weights
 * of that strategy for the example (read from {@code weights.jsonl}; no filter runs here).
 */
public final class DrillDownSection implements ReportSection {

  @Override
  public String id() {
    return "drillDown";
  }

  @Override
  public String title() {
    return "Examples";
  }

  @Override
  public Definition definition() {
    return Definitions.get("score");
  }

  @Override
  public JsonNode data(RunGroups run) {
    ObjectNode data = JsonTrees.object();
    ArrayNode groups = data.putArray("groups");
    TreeSet<String> allVerifiers = new TreeSet<>();
    for (GroupData group : run.groups()) {
      groups.add(JsonTrees.group(group));
      allVerifiers.addAll(group.verifiers());
    }
    List<String> verifiers = new ArrayList<>(allVerifiers);
    ArrayNode verifierNodes = data.putArray("verifiers");
    verifiers.forEach(verifierNodes::add);
    Set<StrategyKey> allStrategies = new LinkedHashSet<>();
    run.groups().forEach(group -> allStrategies.addAll(group.strategies()));
    List<StrategyKey> strategies = new ArrayList<>(allStrategies);
    ArrayNode strategyNodes = data.putArray("strategies");
    strategies.forEach(k -> strategyNodes.addObject().put("v", k.verifier()).put("f", k.filter()));
    ArrayNode examples = data.putArray("examples");
    Map<ExampleKey, Map<Integer, Integer>> duplicates = duplicates(run);
    for (int g = 0; g < run.groups().size(); g++) {
      GroupData group = run.groups().get(g);
      for (String exampleId : group.exampleIds()) {
        ObjectNode example = example(run, group, g, exampleId, verifiers, strategies);
        markDuplicates(
            example, duplicates.get(new ExampleKey(group.model(), group.task(), exampleId)));
        examples.add(example);
      }
    }
    return examples.isEmpty() ? null : data;
  }

  /**
   * The run's duplicate clusters (written by the sample index as {@code duplicates.json}): for each
   * example, sample index to its cluster representative's index.
   */
  private static Map<ExampleKey, Map<Integer, Integer>> duplicates(RunGroups run) {
    Map<ExampleKey, Map<Integer, Integer>> out = new HashMap<>();
    java.nio.file.Path file = run.run().directory().resolve("duplicates.json");
    if (!java.nio.file.Files.exists(file)) {
      return out;
    }
    JsonNode root;
    try {
      root = io.gvgap.core.store.Json.mapper().readTree(file.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(file + ": not a valid duplicates file", e);
    }
    for (JsonNode example : root.path("examples")) {
      Map<Integer, Integer> representative = new HashMap<>();
      for (JsonNode cluster : example.path("clusters")) {
        int rep = cluster.path("representative").asInt();
        cluster.path("members").forEach(m -> representative.put(m.asInt(), rep));
      }
      out.put(
          new ExampleKey(
              example.path("model").asText(),
              example.path("task").asText(),
              example.path("exampleId").asText()),
          representative);
    }
    return out;
  }

  /** Adds {@code d} (the cluster representative's sample index) to samples in a duplicate cluster. */
  private static void markDuplicates(ObjectNode example, Map<Integer, Integer> representative) {
    if (representative == null) {
      return;
    }
    for (JsonNode sample : example.path("s")) {
      Integer rep = representative.get(sample.path("i").asInt());
      if (rep != null) {
        ((ObjectNode) sample).put("d", rep);
      }
    }
  }

  private static ObjectNode example(
      RunGroups run,
      GroupData group,
      int groupIndex,
      String exampleId,
      List<String> verifiers,
      List<StrategyKey> strategies) {
    ObjectNode node = JsonTrees.object();
    node.put("g", groupIndex);
    node.put("id", exampleId);
    ExampleRecord record = run.example(group.task(), exampleId);
    node.put("q", record == null ? null : record.question());
    node.put("r", record == null ? null : record.reference());
    node.put("p", record == null ? null : record.prompt());
    List<Map<Integer, SampleScore>> scoresByVerifier = new ArrayList<>();
    for (String verifier : verifiers) {
      Map<Integer, SampleScore> byIndex = new HashMap<>();
      List<SampleScore> scores = group.scores(exampleId, verifier);
      if (scores != null) {
        scores.forEach(s -> byIndex.put(s.sampleIndex(), s));
      }
      scoresByVerifier.add(byIndex);
    }
    List<Map<Integer, SampleWeight>> weightsByStrategy = new ArrayList<>();
    for (StrategyKey strategy : strategies) {
      List<SampleWeight> weights = group.weights(exampleId, strategy);
      Map<Integer, SampleWeight> byIndex = null;
      if (weights != null) {
        byIndex = new HashMap<>();
        for (SampleWeight w : weights) {
          byIndex.put(w.sampleIndex(), w);
        }
      }
      weightsByStrategy.add(byIndex);
    }
    ArrayNode samples = node.putArray("s");
    for (SampleRecord sample : group.samples(exampleId)) {
      ObjectNode s = samples.addObject();
      s.put("i", sample.sampleIndex());
      s.put("x", sample.text());
      s.put("a", sample.answer());
      JsonTrees.put(s, "u", sample.utility());
      s.put("n", sample.tokenCount());
      s.put("f", sample.finishReason());
      ArrayNode v = s.putArray("v");
      for (Map<Integer, SampleScore> byIndex : scoresByVerifier) {
        SampleScore score = byIndex.get(sample.sampleIndex());
        if (score == null) {
          v.addNull();
        } else {
          ArrayNode entry = v.addArray();
          JsonTrees.add(entry, score.valueOrNaN());
          entry.add(score.verdict());
          entry.add(score.rawOutput());
        }
      }
      if (!strategies.isEmpty()) {
        ArrayNode k = s.putArray("k");
        for (Map<Integer, SampleWeight> byIndex : weightsByStrategy) {
          SampleWeight w = byIndex == null ? null : byIndex.get(sample.sampleIndex());
          if (w == null) {
            k.addNull();
          } else {
            JsonTrees.add(k, w.kept() ? w.weight() : 0);
          }
        }
      }
    }
    return node;
  }
}
