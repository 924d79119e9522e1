package io.gvgap.filters;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.task.Answer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code majority}: keeps the samples whose extracted answer is the most common (self-consistency).
 *
 * <p>The vote counts every sample with a found answer; scores take no part in it. When answers tie
 * for most common, all tied answers are kept. A sample without an answer is never kept. Because the
 * filter contract forbids keeping an unscored sample, a sample whose score is NaN still votes but
 * gets weight 0.
 */
public final class MajorityFilter implements FilterProvider<NoOptions> {

  @Override
  public String name() {
    return "majority";
  }

  @Override
  public String description() {
    return "keep samples whose extracted answer is the most common (ties: all tied answers)";
  }

  @Override
  public Class<NoOptions> optionsType() {
    return NoOptions.class;
  }

  @Override
  public FilterStrategy create(NoOptions options) {
    return MajorityFilter::weights;
  }

  /** The majority weights (0 or 1) of one example; a pure function of the answers (and NaN scores). */
  public static double[] weights(double[] scores, FilterContext context) {
    List<Answer> answers = context.answers();
    if (answers.size() != scores.length) {
      throw new IllegalArgumentException(
          "majority filter for example '" + context.exampleId() + "' got " + scores.length
              + " scores but " + answers.size() + " answers; they must be aligned, one per sample");
    }
    Map<String, Integer> votes = new HashMap<>();
    int most = 0;
    for (Answer answer : answers) {
      if (answer.found()) {
        most = Math.max(most, votes.merge(answer.value(), 1, Integer::sum));
      }
    }
    double[] weights = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      Answer answer = answers.get(i);
      boolean winning = answer.found() && votes.get(answer.value()) == most;
      weights[i] = winning && !Double.isNaN(scores[i]) ? 1 : 0;
    }
    return weights;
  }
}
