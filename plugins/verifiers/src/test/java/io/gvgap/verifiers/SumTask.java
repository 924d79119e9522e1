package io.gvgap.verifiers;

import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.api.verify.Candidate;
import io.gvgap.api.verify.VerificationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny addition task for verifier tests: the answer is the last integer of a completion, the
 * utility is 1 when it equals the reference. It uses the default (zero-shot) verification prompts.
 */
final class SumTask implements Task {

  private static final Pattern INTEGER = Pattern.compile("-?\\d+");

  @Override
  public List<Example> examples(ExampleRequest request) {
    return List.of(example("sum-1", 2, 3));
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(example.question() + "\nAnswer:");
  }

  @Override
  public Answer extract(Example example, String completion) {
    Matcher matcher = INTEGER.matcher(completion);
    String last = null;
    while (matcher.find()) {
      last = matcher.group();
    }
    return last == null ? Answer.none() : Answer.of(last);
  }

  @Override
  public double utility(Example example, Answer answer) {
    return answer.found() && answer.value().equals(example.reference()) ? 1 : 0;
  }

  @Override
  public VerificationFormats verification() {
    return DefaultVerificationFormats.INSTANCE;
  }

  /** The example "What is a + b?" with reference a + b. */
  static Example example(String id, int a, int b) {
    return new Example(id, "What is " + a + " + " + b + "?", Integer.toString(a + b));
  }

  /** A request whose candidates are the given completions, in order, with sample indices 0, 1, ... */
  static VerificationRequest request(
      Example example, LanguageModel model, long seed, String... completions) {
    SumTask task = new SumTask();
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < completions.length; i++) {
      candidates.add(
          new Candidate(i, completions[i], task.extract(example, completions[i]), -1.0, 4));
    }
    return new VerificationRequest(task, example, candidates, model, seed);
  }
}
