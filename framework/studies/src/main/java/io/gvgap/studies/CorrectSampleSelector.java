package io.gvgap.studies;

import io.gvgap.core.metrics.Correctness;
import io.gvgap.core.store.ExampleResults;
import io.gvgap.core.store.SampleRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What the oracle control arm distils: every correct sample (utility {@code >= }{@value
 * Correctness#THRESHOLD}, the oracle verifier's rule), each with weight 1, in example order then
 * sample index. Ground truth decides, so this arm measures what distilling perfectly verified
 * samples does, beside the self-verified arm.
 */
public final class CorrectSampleSelector {

  private CorrectSampleSelector() {}

  /** The correct samples of the run's examples. */
  public static List<KeptSample> select(RunDirectoryContents run) {
    List<KeptSample> kept = new ArrayList<>();
    for (ExampleResults example : run.results()) {
      if (example.example() == null) {
        continue;
      }
      for (SampleRecord s : example.samples()) {
        if (Correctness.isCorrect(s.utility())) {
          kept.add(new KeptSample(
              example.key().exampleId(),
              s.sampleIndex(),
              example.example().prompt(),
              s.text(),
              1.0,
              s.utility()));
        }
      }
    }
    return kept;
  }
}
