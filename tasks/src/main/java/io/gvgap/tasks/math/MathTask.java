package io.gvgap.tasks.math;

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
 * The MATH task: problems from a JSON Lines file ({@code problem}, {@code solution}, {@code answer}),
 * the last closed boxed expression of a completion as its answer, and utility 1 when it is equivalent
 * to the gold answer as MATH graders check it ({@link AnswerEquivalence}: normalisation, then lists
 * member by member, then symbolic equality under a time limit).
 */
public final class MathTask implements Task {

  /** Metadata key of the gold answer, in canonical form. */
  public static final String ANSWER = "answer";

  private static final String FORMAT =
      "{\"problem\": string, \"solution\": string, \"answer\": string}";
  private static final List<String> STOP = List.of("\nProblem:");

  private final MathOptions options;
  private final AnswerEquivalence equivalence = new AnswerEquivalence();
  private final String fewShotPrefix;
  private final VerificationFormats verification = new FewShotVerificationFormats(
      "Judge whether the proposed solution of a mathematics problem reaches the right final answer (the"
          + " boxed expression). Recompute every step.",
      MathExemplars.JUDGED);

  /** Creates the task; the data file is read by {@link #examples}. */
  public MathTask(MathOptions options) {
    this.options = options;
    StringBuilder prefix = new StringBuilder();
    for (MathExemplars.Solved shot : MathExemplars.SOLVED.subList(0, options.shots())) {
      prefix
          .append("Problem: ")
          .append(shot.problem())
          .append("\nSolution: ")
          .append(shot.solution())
          .append("\n\n");
    }
    this.fewShotPrefix = prefix.toString();
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    List<DataLine> lines = new JsonLinesReader("math", FORMAT).read(options.data());
    List<Example> examples = new ArrayList<>(lines.size());
    for (DataLine line : lines) {
      String problem = line.text("problem");
      String solution = line.text("solution");
      String answer = line.text("answer");
      String gold = LatexAnswers.canonical(answer);
      if (gold.isEmpty()) {
        throw line.error("field \"answer\" is empty after normalisation (was \"" + answer + "\")");
      }
      examples.add(new Example(
          Integer.toString(line.lineNumber()), problem, solution, Map.of(ANSWER, gold)));
    }
    return SeededSubset.select(examples, request);
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(fewShotPrefix + "Problem: " + example.question() + "\nSolution:", STOP);
  }

  @Override
  public Answer extract(Example example, String completion) {
    int nextProblem = completion.indexOf("\nProblem:");
    String text = nextProblem >= 0 ? completion.substring(0, nextProblem) : completion;
    return BoxedAnswers.find(text)
        .map(LatexAnswers::canonical)
        .filter(s -> !s.isEmpty())
        .map(Answer::of)
        .orElse(Answer.none());
  }

  @Override
  public double utility(Example example, Answer answer) {
    if (!answer.found()) {
      return 0;
    }
    return equivalence.equivalent(answer.value(), example.metadata().get(ANSWER)) ? 1 : 0;
  }

  @Override
  public VerificationFormats verification() {
    return verification;
  }
}
