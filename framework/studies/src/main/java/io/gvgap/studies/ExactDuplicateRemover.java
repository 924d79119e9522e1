package io.gvgap.studies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exact-duplicate removal on normalised text: two samples of one prompt are duplicates when their
 * responses are equal after trimming, collapsing runs of whitespace to one space and lower-casing.
 * (Near-duplicate detection comes with the Lucene sample index; it implements the same interface.)
 */
public final class ExactDuplicateRemover implements SampleDeduplicator {

  /** The normalised form of a response that duplicates are compared on. */
  public static String normalise(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  @Override
  public List<KeptSample> deduplicate(List<KeptSample> samples) {
    Map<String, KeptSample> firsts = new LinkedHashMap<>();
    for (KeptSample s : samples) {
      String key = s.prompt() + "\u0000" + normalise(s.response());
      firsts.merge(key, s, (first, later) -> later.weight() > first.weight()
          ? new KeptSample(first.exampleId(), first.sampleIndex(), first.prompt(), first.response(), later.weight(),
              first.utility())
          : first);
    }
    return new ArrayList<>(firsts.values());
  }

  @Override
  public String name() {
    return "exact (normalised whitespace and case)";
  }
}
