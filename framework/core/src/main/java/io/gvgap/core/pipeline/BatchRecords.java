package io.gvgap.core.pipeline;

import io.gvgap.api.task.Example;
import io.gvgap.core.metrics.StrategyKey;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.RunRecords;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.SampleWeight;
import io.gvgap.core.store.ScoreRecord;
import io.gvgap.core.store.WeightRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one batch of examples of one model on one task, handed from stage to stage by
 * {@link RunPipeline}: it starts with what an interrupted attempt stored, and after each stage the
 * pipeline adds what that stage returned (already durable in the run store). The observers receive
 * it at the end of the batch; then it is dropped, so memory is bounded by a batch.
 */
final class BatchRecords {

  private final String model;
  private final String task;
  private final Map<String, List<SampleRecord>> samples = new LinkedHashMap<>();
  private final Map<String, Map<String, List<SampleScore>>> scores = new LinkedHashMap<>();
  private final Map<String, Map<StrategyKey, List<SampleWeight>>> weights = new LinkedHashMap<>();

  private BatchRecords(String model, String task) {
    this.model = model;
    this.task = task;
  }

  /** The batch's records as stored before this attempt. */
  static BatchRecords start(RunRecords stored, String model, String task, List<Example> batch) {
    BatchRecords records = new BatchRecords(model, task);
    for (Example e : batch) {
      records.samples.put(e.id(), new ArrayList<>());
      records.scores.put(e.id(), new LinkedHashMap<>());
      records.weights.put(e.id(), new LinkedHashMap<>());
      stored.example(new ExampleKey(model, task, e.id())).ifPresent(records::addStored);
    }
    return records;
  }

  private void addStored(ExampleResults stored) {
    String id = stored.key().exampleId();
    samples.get(id).addAll(stored.samples());
    scores.get(id).putAll(stored.scores());
    weights.get(id).putAll(stored.weights());
  }

  /** The key of an example of this batch. */
  ExampleKey key(String exampleId) {
    return new ExampleKey(model, task, exampleId);
  }

  /** The sample indices stored for an example. */
  BitSet sampleIndices(String exampleId) {
    BitSet present = new BitSet();
    samples(exampleId).forEach(s -> present.set(s.sampleIndex()));
    return present;
  }

  /** An example's samples, sorted by sample index. */
  List<SampleRecord> samples(String exampleId) {
    List<SampleRecord> list = new ArrayList<>(samples.getOrDefault(exampleId, List.of()));
    list.sort(Comparator.comparingInt(SampleRecord::sampleIndex));
    return list;
  }

  /** An example's scores by verifier label. */
  Map<String, List<SampleScore>> scores(String exampleId) {
    return Map.copyOf(scores.getOrDefault(exampleId, Map.of()));
  }

  /** Whether a strategy's weights of an example are stored. */
  boolean hasWeights(String exampleId, StrategyKey strategy) {
    return weights.getOrDefault(exampleId, Map.of()).containsKey(strategy);
  }

  void addSamples(List<SampleRecord> records) {
    records.forEach(r -> samples.get(r.exampleId()).add(r));
  }

  void addScores(List<ScoreRecord> records) {
    records.forEach(r -> scores.get(r.exampleId()).put(r.verifier(), r.scores()));
  }

  void addWeights(List<WeightRecord> records) {
    records.forEach(r -> weights.get(r.exampleId()).put(r.strategy(), r.weights()));
  }

  /** All samples of the batch, example by example. */
  List<SampleRecord> allSamples() {
    List<SampleRecord> all = new ArrayList<>();
    samples.keySet().forEach(id -> all.addAll(samples(id)));
    return all;
  }

  /** All scores of the batch as records, example by example. */
  List<ScoreRecord> allScores() {
    List<ScoreRecord> all = new ArrayList<>();
    scores.forEach((id, byVerifier) -> byVerifier.forEach(
        (verifier, list) -> all.add(new ScoreRecord(model, task, verifier, id, list))));
    return all;
  }
}
