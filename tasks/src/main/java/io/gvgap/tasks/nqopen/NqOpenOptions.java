package io.gvgap.tasks.nqopen;

import io.gvgap.api.Option;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of the {@code nq-open} task.
 *
 * @param data the NQ-open dev.jsonl file
 * @param shots how many hand-written question-answer pairs open the generation prompt
 */
public record NqOpenOptions(
    @Option(
        description =
            "NQ-open JSON Lines file with question and answer (list of aliases) fields, e.g."
                + " data/nq-open/dev.jsonl")
    Path data,

    @Option(
        description = "number of question-answer exemplars in the generation prompt (0 to 8)",
        defaultValue = "4")
    int shots) {

  /** Validates the options. */
  public NqOpenOptions {
    Objects.requireNonNull(data, "data");
    if (shots < 0 || shots > NqOpenExemplars.ANSWERED.size()) {
      throw new IllegalArgumentException(
          "shots must be from 0 to " + NqOpenExemplars.ANSWERED.size() + ", was " + shots);
    }
  }

  /** Options with the default number of shots. */
  public NqOpenOptions(Path data) {
    this(data, 4);
  }
}
