package io.gvgap.verifiers;

import io.gvgap.api.verify.Score;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Combines the K verification outputs of one sample into its score: the mean over the outputs that
 * parse; a failure only when none parses. The raw output always holds all K outputs.
 */
final class KSampleScore {

  private KSampleScore() {}

  /** The sample's score from its K outputs, parsed by {@code parser}. */
  static Score combine(int sampleIndex, List<String> outputs, Function<String, Verdict> parser) {
    List<Verdict> verdicts = outputs.stream().map(parser).toList();
    String raw = rawOutput(outputs);
    if (verdicts.size() == 1) {
      Verdict only = verdicts.get(0);
      return only.parsed()
          ? Score.of(sampleIndex, only.value(), raw, only.text())
          : Score.failed(sampleIndex, raw, only.text());
    }
    double sum = 0;
    int parsed = 0;
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < verdicts.size(); i++) {
      Verdict verdict = verdicts.get(i);
      if (verdict.parsed()) {
        sum += verdict.value();
        parsed++;
        parts.add(verdict.text());
      } else {
        parts.add("unparsed (" + verdict.text() + ")");
      }
    }
    String summary = String.join("; ", parts);
    if (parsed == 0) {
      return Score.failed(
          sampleIndex,
          raw,
          "none of the " + outputs.size() + " verification outputs had a verdict: " + summary);
    }
    // Rounding could carry a mean of values <= 1 a hair above 1.
    double mean = Math.min(1, sum / parsed);
    String verdict = String.format(
        Locale.ROOT, "mean %.4f of %d parsed of %d: %s", mean, parsed, outputs.size(), summary);
    return Score.of(sampleIndex, mean, raw, verdict);
  }

  /** The single output, or all K outputs each under a numbered header. */
  static String rawOutput(List<String> outputs) {
    if (outputs.size() == 1) {
      return outputs.get(0);
    }
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < outputs.size(); i++) {
      raw.append("=== verification ")
          .append(i + 1)
          .append(" of ")
          .append(outputs.size())
          .append(" ===\n")
          .append(outputs.get(i))
          .append('\n');
    }
    return raw.toString();
  }
}
