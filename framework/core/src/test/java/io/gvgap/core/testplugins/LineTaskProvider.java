package io.gvgap.core.testplugins;

import io.gvgap.api.Option;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskDataException;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.task.VerificationFormats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test task "line-task": one example per line "question|answer" of a text file; has a Path and an int option. */
public final class LineTaskProvider implements TaskProvider<LineTaskProvider.Options> {

  /** The task's options: a required data file, a shot count and free tags. */
  public record Options(
      @Option(description = "text file with one 'question|answer' per line")
      Path data,

      @Option(description = "few-shot examples in the prompt", defaultValue = "4")
      int shots,

      @Option(description = "free-form tags", defaultValue = "[]")
      List<String> tags) {
    /** Rejects negative shot counts. */
    public Options {
      if (shots < 0) {
        throw new IllegalArgumentException("shots must be >= 0, was " + shots);
      }
    }
  }

  @Override
  public String name() {
    return "line-task";
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
        List<String> lines;
        try {
          lines = Files.readAllLines(options.data());
        } catch (IOException e) {
          throw new TaskDataException("cannot read " + options.data() + ": " + e.getMessage());
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size() && examples.size() < request.limit(); i++) {
          String[] parts = lines.get(i).split("\\|", 2);
          examples.add(new Example("line-" + i, parts[0], parts[1], Map.of()));
        }
        return examples;
      }

      @Override
      public Prompt generationPrompt(Example example) {
        return new Prompt(example.question(), List.of("\n"));
      }

      @Override
      public Answer extract(Example example, String completion) {
        return completion.isBlank() ? Answer.none() : Answer.of(completion.trim());
      }

      @Override
      public double utility(Example example, Answer answer) {
        return example.reference().equals(answer.value()) ? 1 : 0;
      }

      @Override
      public VerificationFormats verification() {
        return DefaultVerificationFormats.INSTANCE;
      }
    };
  }
}
