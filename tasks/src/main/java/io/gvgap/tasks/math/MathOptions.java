package io.gvgap.tasks.math;

import io.gvgap.api.Option;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of the {@code math} task.
 *
 * @param data a MATH-format JSON Lines file
 * @param shots how many hand-written worked exemplars open the generation prompt
 */
public record MathOptions(
    @Option(
        description =
            "JSON Lines file with problem, solution (containing \\boxed{...}) and answer fields")
    Path data,

    @Option(
        description = "number of worked exemplars in the generation prompt (0 to 4)",
        defaultValue = "4")
    int shots) {

  /** Validates the options. */
  public MathOptions {
    Objects.requireNonNull(data, "data");
    if (shots < 0 || shots > MathExemplars.SOLVED.size()) {
      throw new IllegalArgumentException(
          "shots must be from 0 to " + MathExemplars.SOLVED.size() + ", was " + shots);
    }
  }

  /** Options with the default number of shots. */
  public MathOptions(Path data) {
    this(data, 4);
  }
}
