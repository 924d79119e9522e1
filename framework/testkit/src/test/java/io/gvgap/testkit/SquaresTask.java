package io.gvgap.testkit;

import io.gvgap.api.NoOptions;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small correct task for testing the kit: "what is n squared", n from 1 to 100, chosen by seed. */
public class SquaresTask implements Task, TaskProvider<NoOptions> {

  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

  @Override
  public String name() {
    return "squares";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public Task create(NoOptions options) {
    return this;
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < Math.min(request.limit(), 100); i++) {
      int n = (int) Math.floorMod(request.seed() * 31 + i, 100) + 1;
      examples.add(new Example("n" + n, "What is " + n + " squared?", Integer.toString(n * n)));
    }
    return examples;
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(example.question() + "\nAnswer:");
  }

  @Override
  public Answer extract(Example example, String completion) {
    Matcher matcher = NUMBER.matcher(completion);
    return matcher.find() ? Answer.of(matcher.group()) : Answer.none();
  }

  @Override
  public double utility(Example example, Answer answer) {
    return answer.found() && answer.value().equals(example.reference()) ? 1 : 0;
  }

  @Override
  public VerificationFormats verification() {
    return DefaultVerificationFormats.INSTANCE;
  }
}
