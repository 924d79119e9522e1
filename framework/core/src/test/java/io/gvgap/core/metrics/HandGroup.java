package io.gvgap.core.metrics;

import static io.gvgap.core.metrics.PromptBuilder.prompt;

import java.util.List;

/**
 * A tiny group whose metrics are computed by hand in {@link MetricsCalculatorTest}. Prompts have
 * different sample counts (4, 2, 3). Strategy v1/top keeps nothing on prompt B; prompt C is
 * saturated (all utilities 1).
 *
 * <pre>
 * prompt  u           found        v1                   v2          v1/top     v2/positive
 * A       1 0 1 0     T T F T      .9 .2 NaN .75        1 0 1 1     1 0 0 0    1 0 1 1
 * B       0 0         T T          .1 .3                0 0         0 0        .5 .5
 * C       1 1 1       T T T        .8 .7 NaN            1 1 0       1 1 0      1 1 0
 * </pre>
 */
final class HandGroup {

  static final StrategyKey TOP = new StrategyKey("v1", "top");
  static final StrategyKey POSITIVE = new StrategyKey("v2", "positive");

  private HandGroup() {}

  static List<PromptData> prompts() {
    return List.of(
        prompt("A", 1, 0, 1, 0)
            .found(true, true, false, true)
            .score("v1", 0.9, 0.2, Double.NaN, 0.75)
            .score("v2", 1, 0, 1, 1)
            .weights("v1", "top", 1, 0, 0, 0)
            .weights("v2", "positive", 1, 0, 1, 1)
            .build(),
        prompt("B", 0, 0)
            .score("v1", 0.1, 0.3)
            .score("v2", 0, 0)
            .weights("v1", "top", 0, 0)
            .weights("v2", "positive", 0.5, 0.5)
            .build(),
        prompt("C", 1, 1, 1)
            .score("v1", 0.8, 0.7, Double.NaN)
            .score("v2", 1, 1, 0)
            .weights("v1", "top", 1, 1, 0)
            .weights("v2", "positive", 1, 1, 0)
            .build());
  }
}
