package io.gvgap.tasks.gsm8k;

import io.gvgap.api.Option;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@code gsm8k} task.
 *
 * @param data the GSM8K test.jsonl file
 * @param shots how many hand-written worked exemplars open the generation prompt
 * @param extraction how the answer is found in a completion: auto, strict or flexible ({@link
 *     NumericAnswers})
 */
public record Gsm8kOptions(
    @Option(
        description =
            "GSM8K JSON Lines file with question and answer fields, e.g. data/gsm8k/test.jsonl")
    Path data,

    @Option(
        description = "number of worked exemplars in the generation prompt (0 to 8)",
        defaultValue = "4")
    int shots,

    @Option(
        description =
            "answer extraction: auto (#### n, else \"the answer is n\", else the last number),"
                + " strict (#### n only) or flexible (the last number)",
        defaultValue = "auto")
    String extraction) {

  /** Validates the options. */
  public Gsm8kOptions {
    Objects.requireNonNull(data, "data");
    extraction = extraction == null ? "auto" : extraction;
    if (!List.of("auto", "strict", "flexible").contains(extraction)) {
      throw new IllegalArgumentException(
          "extraction must be auto, strict or flexible, was " + extraction);
    }
    if (shots < 0 || shots > Gsm8kExemplars.SOLVED.size()) {
      throw new IllegalArgumentException(
          "shots must be from 0 to " + Gsm8kExemplars.SOLVED.size() + ", was " + shots);
    }
  }

  /** Options with the default number of shots. */
  public Gsm8kOptions(Path data) {
    this(data, 4);
  }

  /** Options with automatic answer extraction. */
  public Gsm8kOptions(Path data, int shots) {
    this(data, shots, "auto");
  }
}
