package io.gvgap.tasks.gsm8k;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.tasks.common.DataLine;
import io.gvgap.tasks.common.FewShotVerificationFormats;
import io.gvgap.tasks.common.JsonLinesReader;
import io.gvgap.tasks.common.SeededSubset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GSM8K task: examples from a test.jsonl file, a few-shot prompt of hand-written exemplars, the
 * final number of a completion as its answer, and utility 1 for a numerically equal answer.
 */
public final class Gsm8kTask implements Task {

  /** Metadata key of the canonical gold number. */
  public static final String ANSWER = "answer";

  private static final String FORMAT =
      "{\"question\": string, \"answer\": string ending in a line \"#### <number>\"}";
  private static final List<String> STOP = List.of("\nQuestion:");

  private final Gsm8kOptions options;
  private final String fewShotPrefix;
  private final VerificationFormats verification = new FewShotVerificationFormats(
      "Judge whether the proposed solution of a grade-school math word problem reaches the right final"
          + " answer (the number after ####). Recompute every step.",
      Gsm8kExemplars.JUDGED);

  /** Creates the task; the data file is read by {@link #examples}. */
  public Gsm8kTask(Gsm8kOptions options) {
    this.options = options;
    StringBuilder prefix = new StringBuilder();
    for (Gsm8kExemplars.Solved shot : Gsm8kExemplars.SOLVED.subList(0, options.shots())) {
      prefix
          .append("Question: ")
          .append(shot.question())
          .append("\nAnswer: ")
          .append(shot.solution())
          .append("\n\n");
    }
    this.fewShotPrefix = prefix.toString();
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    List<DataLine> lines = new JsonLinesReader("gsm8k", FORMAT).read(options.data());
    List<Example> examples = new ArrayList<>(lines.size());
    for (DataLine line : lines) {
      String question = line.text("question");
      String solution = line.text("answer");
      int hashes = solution.lastIndexOf("####");
      String gold;
      try {
        gold = NumericAnswers.canonical(hashes < 0 ? "" : solution.substring(hashes + 4));
      } catch (NumberFormatException e) {
        throw line.error("field \"answer\" must end with a line \"#### <number>\", ended with \""
            + solution.substring(Math.max(0, solution.length() - 40)).strip() + "\"");
      }
      examples.add(new Example(
          Integer.toString(line.lineNumber()), question, solution, Map.of(ANSWER, gold)));
    }
    return SeededSubset.select(examples, request);
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(fewShotPrefix + "Question: " + example.question() + "\nAnswer:", STOP);
  }

  @Override
  public Answer extract(Example example, String completion) {
    return NumericAnswers.extract(completion, options.extraction());
  }

  @Override
  public double utility(Example example, Answer answer) {
    if (!answer.found()) {
      return 0;
    }
    try {
      return NumericAnswers.canonical(answer.value()).equals(example.metadata().get(ANSWER))
          ? 1
          : 0;
    } catch (NumberFormatException e) {
      return 0; // an answer not written as a number cannot equal the gold number
    }
  }

  @Override
  public VerificationFormats verification() {
    return verification;
  }
}
