package io.gvgap.tasks.arithmetic;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.tasks.common.FewShotVerificationFormats;
import io.gvgap.tasks.common.JudgedExample;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated arithmetic: problem {@code i} of a seed is fixed by the seed, {@code i} and the options;
 * the reference is a column-by-column solution ending {@code Answer: n}; the answer of a completion is
 * its last {@code Answer: n} line; utility 1 when it equals the value of the expression.
 */
public final class ArithmeticTask implements Task {

  /** Metadata key of the expression, e.g. {@code 47+85*3}. */
  public static final String EXPRESSION = "expression";
  /** Metadata key of the expression's value. */
  public static final String ANSWER = "answer";

  /** Seed of the few-shot and judging exemplars, apart from any seed a run is likely to use. */
  static final long SHOT_SEED = -4_611_686_018_427_387_904L;

  private static final Pattern ANSWER_LINE = Pattern.compile("Answer:[ \\t]*(-?\\d+)");
  private static final List<String> STOP = List.of("\nQuestion:");

  private final ArithmeticOptions options;
  private final String fewShotPrefix;
  private final VerificationFormats verification;

  /** Creates the task. */
  public ArithmeticTask(ArithmeticOptions options) {
    this.options = options;
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < options.shots(); i++) {
      prefix.append(solvedProblem(example(SHOT_SEED, i))).append('\n');
    }
    this.fewShotPrefix = prefix.toString();
    List<JudgedExample> judged = new ArrayList<>();
    for (int i = 0; i < options.verificationShots(); i++) {
      ArithmeticProblem problem = ArithmeticProblem.generate(options, SHOT_SEED, 100 + i);
      SolutionWriter.Solution right = SolutionWriter.write(problem);
      SolutionWriter.Solution wrong = withSlip(problem, new Random(i));
      judged.add(new JudgedExample(
          question(problem),
          right.text(),
          ArithmeticJudge.rederive(right),
          10,
          wrong.text(),
          ArithmeticJudge.rederive(wrong),
          1));
    }
    this.verification = new FewShotVerificationFormats(
        "Judge whether the proposed solution of an arithmetic"
            + " problem is correct. Check every operation; one wrong digit makes the answer wrong.",
        judged);
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    int n = Math.min(request.limit(), options.count());
    List<Example> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      examples.add(example(request.seed(), i));
    }
    return examples;
  }

  /** Problem {@code index} of {@code seed} as an example with id {@code s<seed>-<index>}. */
  Example example(long seed, long index) {
    ArithmeticProblem problem = ArithmeticProblem.generate(options, seed, index);
    SolutionWriter.Solution solution = SolutionWriter.write(problem);
    return new Example(
        "s" + seed + "-" + index,
        question(problem),
        solution.text(),
        Map.of(EXPRESSION, problem.expression(), ANSWER, solution.answer().toString()));
  }

  static String question(ArithmeticProblem problem) {
    return "What is " + problem.expression() + "?";
  }

  /** An example with its solution in the layout of the generation prompt. */
  static String solvedProblem(Example example) {
    return "Question: " + example.question() + "\nSolution:\n" + example.reference() + "\n";
  }

  /** The problem's solution with one slip at a random column, in a random direction. */
  static SolutionWriter.Solution withSlip(ArithmeticProblem problem, Random random) {
    int columns = SolutionWriter.write(problem).columns();
    return SolutionWriter.writeWithSlip(
        problem, new SolutionWriter.Slip(random.nextInt(columns), random.nextBoolean()));
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(fewShotPrefix + "Question: " + example.question() + "\nSolution:\n", STOP);
  }

  @Override
  public Answer extract(Example example, String completion) {
    int nextQuestion = completion.indexOf("\nQuestion:");
    String text = nextQuestion >= 0 ? completion.substring(0, nextQuestion) : completion;
    Matcher matcher = ANSWER_LINE.matcher(text);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    return last == null ? Answer.none() : Answer.of(new BigInteger(last).toString());
  }

  @Override
  public double utility(Example example, Answer answer) {
    return answer.found() && answer.value().equals(example.metadata().get(ANSWER)) ? 1 : 0;
  }

  @Override
  public VerificationFormats verification() {
    return verification;
  }
}
