package io.gvgap.studies;

import io.gvgap.index.TextNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-duplicate removal on normalised text: two samples of one prompt are duplicates when their
 * responses are equal after {@link TextNormalizer#normalize} (the one normalisation the sample index
 * also uses: NFKC, lower case, punctuation and whitespace runs as one space). Near-duplicate
 * removal is {@link NearDuplicateRemover}.
 */
public final class ExactDuplicateRemover implements SampleDeduplicator {

  @Override
  public List<KeptSample> deduplicate(List<KeptSample> samples) {
    Map<String, KeptSample> firsts = new LinkedHashMap<>();
    for (KeptSample s : samples) {
      String key = s.prompt() + "\u0000" + TextNormalizer.normalize(s.response());
      firsts.merge(
          key,
          s,
          (first, later) -> later.weight() > first.weight()
              ? new KeptSample(
                  first.exampleId(),
                  first.sampleIndex(),
                  first.prompt(),
                  first.response(),
                  later.weight(),
                  first.utility())
              : first);
    }
    return new ArrayList<>(firsts.values());
  }

  @Override
  public String name() {
    return "exact (normalised text: case, punctuation and spacing ignored)";
  }
}
