package io.gvgap.testing;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-scope backend: a deterministic scripted model for toy-sums prompts. Never user-facing.
 * A sample's text depends only on (seed, request id, sample index), as the contract requires.
 * It can log every call (to check that a resumed run does not redo work) and slow down (so that a
 * test can kill the process mid-run).
 */
public final class ScriptedBackend implements ModelBackend<ScriptedBackend.Options> {

  /** Options of the scripted model. */
  public record Options(
      @Option(
          description =
              "file that receives one line per generated sample and scored request; none by default",
          defaultValue = "null")
      String log,

      @Option(
          description = "milliseconds to sleep per generated sample or scored request",
          defaultValue = "0")
      int delayMs) {}

  private static final Pattern QUESTION = Pattern.compile("(\\d+)\\+(\\d+)");
  private static final Pattern PROPOSED = Pattern.compile("Proposed answer: Answer: (-?\\d+)");

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public LanguageModel create(Options options) {
    return new Model(options);
  }

  /** 64-bit mix of the arguments (SplitMix64 finaliser). */
  static long mix(long... parts) {
    long h = 0x9E3779B97F4A7C15L;
    for (long p : parts) {
      h ^= p;
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  private static final class Model implements LanguageModel {
    private final Options options;

    Model(Options options) {
      this.options = options;
    }

    @Override
    public List<Generation> generate(List<GenerationRequest> requests, SamplingParams params) {
      List<Generation> out = new ArrayList<>();
      for (GenerationRequest r : requests) {
        Matcher q = QUESTION.matcher(r.prompt());
        int sum = q.find() ? Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2)) : 0;
        // each example has its own difficulty: accuracy between 10 % and 90 %
        long accuracy = 10 + Math.floorMod(mix(r.id().hashCode()), 81);
        List<Completion> completions = new ArrayList<>();
        for (int i = r.firstSampleIndex(); i < r.firstSampleIndex() + r.count(); i++) {
          long h = Math.floorMod(mix(params.seed(), r.id().hashCode(), i), 1_000_000L);
          String text;
          if (h % 100 < accuracy) {
            text = " Answer: " + sum;
          } else if (h % 13 == 0) {
            text = " I am not sure.";
          } else {
            text = " Answer: " + (sum + 1 + h % 3);
          }
          completions.add(new Completion(
              i, text, text.length(), -0.1 * text.length() - (h % 10) / 10.0, FinishReason.STOP));
          log("gen " + r.id() + " " + i);
          pause();
        }
        out.add(new Generation(r.id(), completions));
      }
      return out;
    }

    @Override
    public List<ScoringResult> score(List<ScoringRequest> requests) {
      List<ScoringResult> out = new ArrayList<>();
      for (ScoringRequest r : requests) {
        Matcher q = QUESTION.matcher(r.context());
        Matcher p = PROPOSED.matcher(r.context());
        boolean right = q.find()
            && p.find()
            && Integer.parseInt(q.group(1)) + Integer.parseInt(q.group(2))
                == Integer.parseInt(p.group(1));
        // an imperfect judge: mostly right, with per-request noise
        double noise = Math.floorMod(mix(r.id().hashCode()), 1000) / 1000.0;
        double pCorrect = right ? 0.55 + 0.4 * noise : 0.05 + 0.6 * noise;
        List<Double> logProbs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (String c : r.continuations()) {
          logProbs.add(Math.log(c.strip().equalsIgnoreCase("correct") ? pCorrect : 1 - pCorrect));
          counts.add(1);
        }
        out.add(new ScoringResult(r.id(), logProbs, counts));
        log("score " + r.id());
        pause();
      }
      return out;
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("scripted", -1, -1, Map.of());
    }

    @Override
    public void close() {}

    private void log(String line) {
      if (options.log() == null) {
        return;
      }
      try {
        Files.writeString(
            Path.of(options.log()),
            line + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void pause() {
      if (options.delayMs() > 0) {
        try {
          Thread.sleep(options.delayMs());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
