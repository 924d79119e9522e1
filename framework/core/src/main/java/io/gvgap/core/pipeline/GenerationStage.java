package io.gvgap.core.pipeline;

import io.gvgap.api.model.Completion;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.core.progress.ProgressTask;
import io.gvgap.core.store.RunStore;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the samples a batch of examples still lacks, extracts answers, computes utilities and
 * appends the records. Samples already in the store (from an interrupted attempt) are not
 * generated again; the model's determinism contract makes the rest identical to an
 * uninterrupted run.
 */
final class GenerationStage {

  private final String modelLabel;
  private final LanguageModel model;
  private final String taskLabel;
  private final Task task;
  private final int samplesPerExample;
  private final SamplingParams params;
  private final RunStore store;

  GenerationStage(
      String modelLabel,
      LanguageModel model,
      String taskLabel,
      Task task,
      int samplesPerExample,
      SamplingParams params,
      RunStore store) {
    this.modelLabel = modelLabel;
    this.model = model;
    this.taskLabel = taskLabel;
    this.task = task;
    this.samplesPerExample = samplesPerExample;
    this.params = params;
    this.store = store;
  }

  /**
   * Generates what {@code batch} lacks (its {@code stored} samples are not generated again), and
   * appends it to the store; returns the samples generated now.
   */
  List<SampleRecord> run(List<Example> batch, BatchRecords stored, ProgressTask progress) {
    List<GenerationRequest> requests = new ArrayList<>();
    Map<String, Example> byId = new HashMap<>();
    for (Example example : batch) {
      BitSet present = stored.sampleIndices(example.id());
      progress.step(present.cardinality());
      Prompt prompt = task.generationPrompt(example);
      byId.put(example.id(), example);
      int index = present.nextClearBit(0);
      while (index < samplesPerExample) {
        int end = Math.min(
            present.nextSetBit(index) < 0 ? samplesPerExample : present.nextSetBit(index),
            samplesPerExample);
        requests.add(
            new GenerationRequest(example.id(), prompt.text(), index, end - index, prompt.stop()));
        index = present.nextClearBit(end);
      }
    }
    if (requests.isEmpty()) {
      return List.of();
    }
    List<Generation> generations = model.generate(requests, params);
    Map<String, BitSet> expected = new HashMap<>();
    for (GenerationRequest r : requests) {
      expected
          .computeIfAbsent(r.id(), k -> new BitSet())
          .set(r.firstSampleIndex(), r.firstSampleIndex() + r.count());
    }
    List<SampleRecord> records = new ArrayList<>();
    for (Generation generation : generations) {
      Example example = byId.get(generation.id());
      BitSet wanted = expected.get(generation.id());
      if (example == null || wanted == null) {
        throw new PipelineException(
            "model '" + modelLabel + "' returned samples for unknown request id '" + generation.id()
                + "'; the backend breaks the LanguageModel contract");
      }
      for (Completion c : generation.completions()) {
        if (!wanted.get(c.sampleIndex())) {
          throw new PipelineException(
              "model '" + modelLabel + "' returned sample " + c.sampleIndex() + " of '"
                  + generation.id() + "' which was not asked for, or twice");
        }
        wanted.clear(c.sampleIndex());
        records.add(new SampleRecord(
            modelLabel,
            taskLabel,
            example.id(),
            c.sampleIndex(),
            c.text(),
            c.tokenCount(),
            Double.isNaN(c.logProb()) ? null : c.logProb(),
            c.finishReason().name(),
            null,
            0));
      }
    }
    expected.forEach((id, missing) -> {
      if (!missing.isEmpty()) {
        throw new PipelineException("model '" + modelLabel + "' did not return samples " + missing
            + " of '" + id + "'; the backend breaks the LanguageModel contract");
      }
    });
    List<SampleRecord> judged = records.parallelStream()
        .map(r -> withUtility(r, byId.get(r.exampleId())))
        .toList();
    store.appendSamples(judged);
    progress.step(judged.size());
    return judged;
  }

  private SampleRecord withUtility(SampleRecord r, Example example) {
    Answer answer = task.extract(example, r.text());
    double utility = task.utility(example, answer);
    if (!(utility >= 0 && utility <= 1)) {
      throw new PipelineException("task '" + taskLabel + "' gave utility " + utility
          + " for example '" + example.id() + "'; utilities must be in [0, 1]");
    }
    return new SampleRecord(
        r.model(),
        r.task(),
        r.exampleId(),
        r.sampleIndex(),
        r.text(),
        r.tokenCount(),
        r.logProb(),
        r.finishReason(),
        answer.value(),
        utility);
  }
}
