package io.gvgap.tasks.nqopen;

import io.gvgap.api.Option;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Options of the {@code nq-open} task.
 *
 * @param data the NQ-open dev.jsonl file
 * @param shots how many hand-written question-answer pairs open the generation prompt
 * @param extraction how a completion is matched: strict or flexible ({@link NqOpenTask#utility})
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
    int shots,

    @Option(
        description =
            "answer matching: strict (the first line's answer, normalised, equals an alias) or"
                + " flexible (an alias, normalised, occurs in it as whole words)",
        defaultValue = "strict")
    String extraction) {

  /** Validates the options. */
  public NqOpenOptions {
    extraction = extraction == null ? "strict" : extraction;
    if (!extraction.equals("strict") && !extraction.equals("flexible")) {
      throw new IllegalArgumentException(
          "extraction must be strict or flexible, was " + extraction);
    }
    Objects.requireNonNull(data, "data");
    if (shots < 0 || shots > NqOpenExemplars.ANSWERED.size()) {
      throw new IllegalArgumentException(
          "shots must be from 0 to " + NqOpenExemplars.ANSWERED.size() + ", was " + shots);
    }
  }

  /** Options with strict matching. */
  public NqOpenOptions(Path data, int shots) {
    this(data, shots, "strict");
  }

  /** Options with the default number of shots. */
  public NqOpenOptions(Path data) {
    this(data, 4);
  }
}
