package io.gvgap.core.pipeline;

import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Task;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.Score;
import io.gvgap.api.verify.VerificationRequest;
import io.gvgap.api.verify.Verifier;
import io.gvgap.core.progress.ProgressTask;
import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores a batch's samples with one verifier and appends one record per example. Examples this
 * verifier already scored (in an interrupted attempt) are skipped.
 */
final class VerificationStage {

  private final String modelLabel;
  private final String taskLabel;
  private final Task task;
  private final String verifierLabel;
  private final Verifier verifier;
  private final LanguageModel judge;
  private final long seed;
  private final RunStore store;
  private final List<String> earlierVerifiers;

  VerificationStage(
      String modelLabel,
      String taskLabel,
      Task task,
      String verifierLabel,
      Verifier verifier,
      LanguageModel judge,
      long seed,
      RunStore store,
      List<String> earlierVerifiers) {
    this.earlierVerifiers = List.copyOf(earlierVerifiers);
    this.modelLabel = modelLabel;
    this.taskLabel = taskLabel;
    this.task = task;
    this.verifierLabel = verifierLabel;
    this.verifier = verifier;
    this.judge = judge;
    this.seed = seed;
    this.store = store;
  }

  /**
   * Verifies the samples of the examples of {@code batch} this verifier has not scored (in
   * {@code records}, which also holds the earlier verifiers' scores), appends the scores to the
   * store and returns them: one record per example verified now.
   */
  List<ScoreRecord> run(List<Example> batch, BatchRecords records, ProgressTask progress) {
    List<VerificationRequest> requests = new ArrayList<>();
    Map<String, List<SampleRecord>> samplesById = new TreeMap<>();
    for (Example example : batch) {
      ExampleKey key = new ExampleKey(modelLabel, taskLabel, example.id());
      if (store.hasScores(verifierLabel, key)) {
        progress.step(1);
        continue;
      }
      List<SampleRecord> samples = records.samples(example.id());
      List<Candidate> candidates = samples.stream()
          .map(s -> new Candidate(
              s.sampleIndex(),
              s.text(),
              s.answerFound() ? Answer.of(s.answer()) : Answer.none(),
              s.logProb() == null ? Double.NaN : s.logProb(),
              s.tokenCount()))
          .toList();
      samplesById.put(example.id(), samples);
      requests.add(new VerificationRequest(
          task,
          example,
          candidates,
          judge,
          seed,
          earlierScores(key, records.scores(example.id()))));
    }
    if (requests.isEmpty()) {
      return List.of();
    }
    List<ScoreRecord> stored = new ArrayList<>();
    Map<String, List<Score>> results = verifier.verifyAll(requests);
    for (VerificationRequest request : requests) {
      String id = request.example().id();
      List<Score> scores = results.get(id);
      if (scores == null) {
        throw new PipelineException(
            "verifier '" + verifierLabel + "' returned no scores for example '" + id + "'");
      }
      ScoreRecord record = new ScoreRecord(
          modelLabel, taskLabel, verifierLabel, id, matched(id, samplesById.get(id), scores));
      store.appendScores(record);
      stored.add(record);
      progress.step(1);
    }
    return stored;
  }

  /** The scores the verifiers before this one gave the example, as the API's scores. */
  private Map<String, List<Score>> earlierScores(
      ExampleKey key, Map<String, List<SampleScore>> held) {
    Map<String, List<Score>> out = new LinkedHashMap<>();
    for (String label : earlierVerifiers) {
      List<SampleScore> stored = held.get(label);
      if (stored == null) {
        throw new PipelineException("verifier '" + label + "' has not scored example '"
            + key.exampleId() + "' before verifier '" + verifierLabel + "' runs");
      }
      out.put(
          label,
          stored.stream()
              .map(s -> s.parsed()
                  ? Score.of(s.sampleIndex(), s.value(), s.rawOutput(), s.verdict())
                  : Score.failed(s.sampleIndex(), s.rawOutput(), s.verdict()))
              .toList());
    }
    return out;
  }

  /** Checks that there is exactly one score per sample (by index) and converts them for storage. */
  private List<SampleScore> matched(
      String exampleId, List<SampleRecord> samples, List<Score> scores) {
    Map<Integer, Score> byIndex = new TreeMap<>();
    for (Score s : scores) {
      if (byIndex.put(s.sampleIndex(), s) != null) {
        throw new PipelineException("verifier '" + verifierLabel + "' scored sample "
            + s.sampleIndex() + " of '" + exampleId + "' twice");
      }
    }
    List<SampleScore> stored = new ArrayList<>();
    for (SampleRecord sample : samples) {
      Score s = byIndex.remove(sample.sampleIndex());
      if (s == null) {
        throw new PipelineException("verifier '" + verifierLabel + "' gave no score for sample "
            + sample.sampleIndex() + " of '" + exampleId + "'");
      }
      stored.add(new SampleScore(
          s.sampleIndex(), s.ok() ? s.value() : null, s.ok(), s.rawOutput(), s.verdict()));
    }
    if (!byIndex.isEmpty()) {
      throw new PipelineException("verifier '" + verifierLabel + "' scored samples "
          + byIndex.keySet() + " of '" + exampleId + "' that do not exist");
    }
    return stored;
  }
}
