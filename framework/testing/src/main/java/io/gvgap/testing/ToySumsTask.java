package io.gvgap.testing;

import io.gvgap.api.Option;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.task.VerificationFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-scope task: "a+b" problems; the answer is read from "Answer: N". */
public final class ToySumsTask implements TaskProvider<ToySumsTask.Options> {

  /** Options of the toy task. */
  public record Options(
      @Option(description = "largest operand", defaultValue = "50")
      int max) {}

  private static final Pattern ANSWER = Pattern.compile("Answer:\\s*(-?\\d+)");

  @Override
  public String name() {
    return "toy-sums";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Task create(Options options) {
    return new Task() {
      @Override
      public List<Example> examples(ExampleRequest request) {
        SplittableRandom random = new SplittableRandom(request.seed());
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < Math.min(request.limit(), 1000); i++) {
          int a = random.nextInt(options.max() + 1);
          int b = random.nextInt(options.max() + 1);
          out.add(new Example("s" + i, a + "+" + b, Integer.toString(a + b)));
        }
        return out;
      }

      @Override
      public Prompt generationPrompt(Example example) {
        return new Prompt("Q: " + example.question() + "\nA:", List.of("\n\n"));
      }

      @Override
      public Answer extract(Example example, String completion) {
        Matcher m = ANSWER.matcher(completion);
        return m.find() ? Answer.of(m.group(1)) : Answer.none();
      }

      @Override
      public double utility(Example example, Answer answer) {
        return answer.found() && answer.value().equals(example.reference()) ? 1 : 0;
      }

      @Override
      public VerificationFormats verification() {
        return DefaultVerificationFormats.INSTANCE;
      }
    };
  }
}
