package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.Option;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;
import io.gvgap.api.task.VerificationFormats;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every task plugin must keep, as a JUnit 5 test class to extend.
 *
 * <pre>{@code
 * class CapitalsConformanceTest extends TaskConformanceTest {
 *   protected TaskProvider<?> provider() { return new CapitalsProvider(); }
 *   protected Record options() { return new CapitalsProvider.Options(Path.of("src/test/resources/capitals.jsonl")); }
 * }
 * }</pre>
 *
 * <p>It checks: the provider is registered in
 * {@code META-INF/services/io.gvgap.api.task.TaskProvider}, so that gvgap finds it by its name (and
 * fails when no task is registered at all, or {@code provider()} returns null: the kit never passes
 * having tested nothing); the name is lowercase with hyphens; the options record matches the provider's
 * options type and documents every component; examples are deterministic for a seed, differ between
 * seeds where the task has more examples than one request takes, have unique ids and respect the
 * limit; every reference, fed back as a completion, scores 1.0; utility is in [0, 1] for any text;
 * an empty completion gives {@link Answer#none()} and no answer scores 0; the generation prompt and
 * every verification format render non-empty and contain the question.
 *
 * <p>Override {@link #referenceAsCompletion} when a task's reference is not itself a completion the
 * task can extract from, and {@link #sampleSize} to check more or fewer examples.
 */
public abstract class TaskConformanceTest {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Texts a model might produce that no task should choke on: extraction must not throw. */
  private static final List<String> UNTRUSTED_COMPLETIONS = List.of(
      "",
      " ",
      "\n\n",
      "42",
      "-0",
      "Answer:",
      "#### ",
      "\\boxed{",
      "\\boxed{}}",
      "}}}{{{",
      "The answer is",
      "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
      "\u0000\uFFFF\uD83D\uDE00",
      "9".repeat(400),
      "a".repeat(5000));

  /** The provider under test; a new instance or a shared one. */
  protected abstract TaskProvider<?> provider();

  /** Options to create the task with; must be an instance of the provider's options type. */
  protected abstract Record options();

  /**
   * Turns an example's reference into a completion the task should score 1.0; the identity unless
   * the task's references are not themselves completions.
   */
  protected String referenceAsCompletion(Example example) {
    return example.reference();
  }

  /** How many examples one request takes in these checks. */
  protected int sampleSize() {
    return 12;
  }

  /** How many examples the id-uniqueness check reads (all of a data file's, for the built-ins). */
  protected int idCheckLimit() {
    return 5000;
  }

  /** Creates the task from {@link #provider()} and {@link #options()}. */
  protected final Task task() {
    TaskProvider<?> provider = ProviderChecks.present(provider(), "task");
    Record options = options();
    assertThat(options).as("options()").isInstanceOf(provider.optionsType());
    @SuppressWarnings("unchecked")
    TaskProvider<Record> typed = (TaskProvider<Record>) provider;
    Task task = typed.create(options);
    assertThat(task).as("%s.create(options) returned null", provider.name()).isNotNull();
    return task;
  }

  private List<Example> sample(Task task, long seed) {
    List<Example> examples = task.examples(new ExampleRequest(sampleSize(), seed));
    assertThat(examples).as("examples for seed %d", seed).isNotEmpty();
    return examples;
  }

  @Test
  void nameIsLowercaseWithHyphens() {
    assertThat(ProviderChecks.present(provider(), "task").name())
        .as("provider name")
        .matches(NAME);
  }

  @Test
  void registeredForDiscoveryUnderItsName() {
    ProviderChecks.assertRegistered(TaskProvider.class, ProviderChecks.present(provider(), "task"));
  }

  @Test
  void optionsRecordDocumentsEveryComponent() {
    Class<?> type = provider().optionsType();
    assertThat(type).as("optionsType()").isNotNull();
    assertThat(type.isRecord())
        .as("optionsType() %s is a record", type.getName())
        .isTrue();
    for (RecordComponent component : type.getRecordComponents()) {
      Option option = component.getAnnotation(Option.class);
      assertThat(option)
          .as("@Option on %s.%s", type.getSimpleName(), component.getName())
          .isNotNull();
      assertThat(option.description())
          .as("description of %s", component.getName())
          .isNotBlank();
    }
  }

  @Test
  void examplesAreDeterministicForASeed() {
    List<Example> first = sample(task(), 17);
    List<Example> again = sample(task(), 17);
    assertThat(again).as("the same request twice, on two task instances").isEqualTo(first);
  }

  @Test
  void differentSeedsGiveDifferentExamplesWhereTheTaskHasMore() {
    Task task = task();
    int available = task.examples(new ExampleRequest(sampleSize() + 1, 1)).size();
    if (available <= sampleSize()) {
      return; // the task has no more examples than one request takes: every seed gets all of them
    }
    assertThat(sample(task, 2)).as("seed 2 versus seed 3").isNotEqualTo(sample(task, 3));
  }

  @Test
  void examplesRespectTheLimitAndHaveUniqueIds() {
    Task task = task();
    assertThat(task.examples(new ExampleRequest(3, 5))).hasSizeLessThanOrEqualTo(3);
    Set<String> ids = new HashSet<>();
    for (Example example : task.examples(new ExampleRequest(idCheckLimit(), 5))) {
      assertThat(ids.add(example.id())).as("id %s is unique", example.id()).isTrue();
      assertThat(example.question()).as("question of %s", example.id()).isNotBlank();
    }
  }

  @Test
  void referencesScoreOneWhenFedBackAsCompletions() {
    Task task = task();
    for (Example example : sample(task, 7)) {
      String completion = referenceAsCompletion(example);
      Answer answer = task.extract(example, completion);
      assertThat(answer.found())
          .as("answer extracted from the reference of %s: %s", example.id(), completion)
          .isTrue();
      assertThat(task.utility(example, answer))
          .as("utility of the reference of %s (answer %s)", example.id(), answer.value())
          .isEqualTo(1.0);
    }
  }

  @Test
  void utilityIsInTheUnitIntervalForAnyText() {
    Task task = task();
    List<Example> examples = sample(task, 11);
    for (Example example : examples) {
      for (String completion : UNTRUSTED_COMPLETIONS) {
        assertUtilityInRange(task, example, completion);
      }
      for (Example other : examples) {
        assertUtilityInRange(task, example, referenceAsCompletion(other));
      }
    }
  }

  private static void assertUtilityInRange(Task task, Example example, String completion) {
    Answer answer = task.extract(example, completion);
    assertThat(answer).as("extract(%s, ...) returned null", example.id()).isNotNull();
    double utility = task.utility(example, answer);
    assertThat(utility)
        .as("utility of %s for completion %s", example.id(), completion)
        .isBetween(0.0, 1.0);
  }

  @Test
  void emptyCompletionGivesNoAnswerAndNoAnswerScoresZero() {
    Task task = task();
    for (Example example : sample(task, 13)) {
      assertThat(task.extract(example, "").found())
          .as("answer found in an empty completion")
          .isFalse();
      assertThat(task.extract(example, "  \n ").found())
          .as("answer found in a blank completion")
          .isFalse();
      assertThat(task.utility(example, Answer.none()))
          .as("utility of no answer")
          .isEqualTo(0.0);
    }
  }

  @Test
  void generationPromptContainsTheQuestion() {
    Task task = task();
    for (Example example : sample(task, 19)) {
      Prompt prompt = task.generationPrompt(example);
      assertThat(prompt).isNotNull();
      assertThat(prompt.text())
          .as("generation prompt of %s", example.id())
          .contains(example.question());
    }
  }

  @Test
  void everyVerificationFormatRendersAndContainsTheQuestion() {
    Task task = task();
    VerificationFormats formats = task.verification();
    assertThat(formats).as("verification()").isNotNull();
    assertThat(formats.correctWord()).isNotBlank().isNotEqualTo(formats.incorrectWord());
    assertThat(formats.incorrectWord()).isNotBlank();
    List<Example> examples = sample(task, 23);
    for (Example example : examples) {
      String response = referenceAsCompletion(example);
      String other = referenceAsCompletion(examples.get(0));
      assertThat(formats.multipleChoice(example, response))
          .as("multiple choice")
          .contains(example.question());
      assertThat(formats.cotBinary(example, response))
          .as("CoT-Binary")
          .contains(example.question());
      assertThat(formats.cotScore(example, response)).as("CoT-Score").contains(example.question());
      assertThat(formats.pairwise(example, response, other))
          .as("pairwise")
          .contains(example.question());
    }
  }
}
