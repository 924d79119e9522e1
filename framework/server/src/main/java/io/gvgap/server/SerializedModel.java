package io.gvgap.server;

import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One model call at a time, in arrival order: a {@link LanguageModel} need not be thread-safe
 * (the ONNX one reuses its buffers). Concurrent HTTP requests are not merged into one call: each
 * carries its own seed, and a model call has one {@link SamplingParams}, so merging would change
 * the samples.
 */
final class SerializedModel {
  private final LanguageModel model;
  private final ReentrantLock lock = new ReentrantLock(true);

  SerializedModel(LanguageModel model) {
    this.model = model;
  }

  List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
    lock.lock();
    try {
      return model.generate(requests, params);
    } finally {
      lock.unlock();
    }
  }

  List<ScoringResult> score(List<ScoringRequest> requests) {
    lock.lock();
    try {
      return model.score(requests);
    } finally {
      lock.unlock();
    }
  }
}
