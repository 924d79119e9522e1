package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.api.NoOptions;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.TaskProvider;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each check fails for a task that breaks the rule it checks: the kit cannot pass vacuously. */
class TaskConformanceTestCatchesBrokenTasksTest {

  /** A kit instance for a given broken task. */
  private static TaskConformanceTest kitFor(SquaresTask task) {
    return new TaskConformanceTest() {
      @Override
      protected TaskProvider<?> provider() {
        return task;
      }

      @Override
      protected Record options() {
        return new NoOptions();
      }
    };
  }

  @Test
  void rejectsAnUppercaseName() {
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public String name() {
        return "Squares_Task";
      }
    });
    assertThatThrownBy(kit::nameIsLowercaseWithHyphens).isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsExamplesThatChangeBetweenCalls() {
    AtomicLong calls = new AtomicLong();
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public List<Example> examples(ExampleRequest request) {
        return super.examples(new ExampleRequest(request.limit(), calls.incrementAndGet()));
      }
    });
    assertThatThrownBy(kit::examplesAreDeterministicForASeed).isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsExamplesThatIgnoreTheSeed() {
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public List<Example> examples(ExampleRequest request) {
        return super.examples(new ExampleRequest(request.limit(), 0));
      }
    });
    assertThatThrownBy(kit::differentSeedsGiveDifferentExamplesWhereTheTaskHasMore)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsDuplicateIds() {
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public List<Example> examples(ExampleRequest request) {
        return super.examples(request).stream()
            .map(e -> new Example("same", e.question(), e.reference()))
            .toList();
      }
    });
    assertThatThrownBy(kit::examplesRespectTheLimitAndHaveUniqueIds)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsUtilityOutsideTheUnitInterval() {
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public double utility(Example example, Answer answer) {
        return answer.found() ? 2 * super.utility(example, answer) : 0;
      }
    });
    assertThatThrownBy(kit::utilityIsInTheUnitIntervalForAnyText)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(kit::referencesScoreOneWhenFedBackAsCompletions)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void rejectsAnAnswerExtractedFromAnEmptyCompletion() {
    TaskConformanceTest kit = kitFor(new SquaresTask() {
      @Override
      public Answer extract(Example example, String completion) {
        return completion.isBlank() ? Answer.of("0") : super.extract(example, completion);
      }
    });
    assertThatThrownBy(kit::emptyCompletionGivesNoAnswerAndNoAnswerScoresZero)
        .isInstanceOf(AssertionError.class);
  }
}
