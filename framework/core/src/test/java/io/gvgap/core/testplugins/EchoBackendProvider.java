package io.gvgap.core.testplugins;

import io.gvgap.api.Option;
import io.gvgap.api.model.Completion;
import io.gvgap.api.model.FinishReason;
import io.gvgap.api.model.Generation;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.model.ModelBackend;
import io.gvgap.api.model.ModelInfo;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Test backend "echo": every sample repeats the prompt; every continuation scores log-probability 0. */
public final class EchoBackendProvider implements ModelBackend<EchoBackendProvider.Options> {

  /** A model path (only named in the model info), a thread count and free properties. */
  public record Options(
      @Option(description = "model directory") Path path,
      @Option(description = "threads", defaultValue = "1") int threads,

      @Option(description = "free properties", defaultValue = "{}")
      Map<String, String> properties) {}

  @Override
  public String name() {
    return "echo";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public LanguageModel create(Options options) {
    return new LanguageModel() {
      @Override
      public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
        List<Generation> generations = new ArrayList<>();
        for (GenerationRequest request : requests) {
          List<Completion> completions = new ArrayList<>();
          for (int i = 0; i < request.count(); i++) {
            completions.add(new Completion(
                request.firstSampleIndex() + i, request.prompt(), 1, 0, FinishReason.STOP));
          }
          generations.add(new Generation(request.id(), completions));
        }
        return generations;
      }

      @Override
      public List<ScoringResult> score(List<ScoringRequest> requests) {
        List<ScoringResult> results = new ArrayList<>();
        for (ScoringRequest request : requests) {
          int n = request.continuations().size();
          results.add(new ScoringResult(
              request.id(), Collections.nCopies(n, 0.0), Collections.nCopies(n, 1)));
        }
        return results;
      }

      @Override
      public ModelInfo info() {
        return new ModelInfo("echo:" + options.path(), 0, 1 << 20, options.properties());
      }

      @Override
      public void close() {}
    };
  }
}
