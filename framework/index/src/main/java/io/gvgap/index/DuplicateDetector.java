package io.gvgap.index;

import io.gvgap.core.store.SampleRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Finds exact and near-duplicate texts and groups them into clusters.
 *
 * <p>Exact duplicates share the SHA-256 of the normalised text ({@link TextNormalizer}). Near
 * duplicates: each distinct text's MinHash signature goes into an in-memory Lucene index; each text
 * then retrieves the texts that agree on at least {@link DedupConfig#minimumAgreeingBuckets()}
 * buckets (minimum-should-match over its signature terms, evaluated on the postings by
 * {@link SignatureMatcher}), and every candidate is confirmed
 * by the exact Jaccard similarity of the shingle sets against {@link DedupConfig#jaccardThreshold()}.
 * Confirmed pairs are joined with union-find, so clusters are connected components.
 *
 * <p>Representative: the member that comes first under the caller's preference, ties broken by
 * input position. For samples the default preference is {@link #BEST_UTILITY_THEN_LOWEST_SAMPLE}:
 * the highest utility, then the lowest sample index (the earliest sample, which is what a run
 * without dedup would have seen first), then model, task and example id.
 *
 * <p>Thread-safe: every call builds its own analysis chain and index.
 */
public final class DuplicateDetector {

  /** Highest utility first, then lowest sample index, then model, task, example id. */
  public static final Comparator<SampleRecord> BEST_UTILITY_THEN_LOWEST_SAMPLE =
      Comparator.comparingDouble(SampleRecord::utility)
          .reversed()
          .thenComparingInt(SampleRecord::sampleIndex)
          .thenComparing(SampleRecord::model)
          .thenComparing(SampleRecord::task)
          .thenComparing(SampleRecord::exampleId);

  private static final String SIGNATURE_FIELD = "signature";
  private static final String ORDINAL_FIELD = "ordinal";

  private final DedupConfig config;

  /** A detector with the given settings. */
  public DuplicateDetector(DedupConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** A detector with {@link DedupConfig#defaults()}. */
  public static DuplicateDetector withDefaults() {
    return new DuplicateDetector(DedupConfig.defaults());
  }

  /** The settings. */
  public DedupConfig config() {
    return config;
  }

  /**
   * Clusters samples by their text across the whole list (pass one prompt's samples for per-prompt
   * dedup), representative by {@link #BEST_UTILITY_THEN_LOWEST_SAMPLE}. Every sample is in exactly
   * one cluster; singletons are clusters of size 1; clusters are ordered by their first position.
   */
  public List<DuplicateCluster<SampleRecord>> clusters(List<SampleRecord> samples) {
    return clusters(samples, SampleRecord::text, BEST_UTILITY_THEN_LOWEST_SAMPLE);
  }

  /** Clusters any items by the text {@code textOf} gives, representative by {@code preference}. */
  public <T> List<DuplicateCluster<T>> clusters(
      List<T> items, Function<? super T, String> textOf, Comparator<? super T> preference) {
    List<String> texts = new ArrayList<>(items.size());
    for (T item : items) {
      texts.add(Objects.requireNonNull(textOf.apply(item), "text of item " + texts.size()));
    }
    UnionFind sets = new UnionFind(items.size());
    for (DuplicatePair pair : pairs(texts)) {
      sets.union(pair.first(), pair.second());
    }
    Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      byRoot.computeIfAbsent(sets.find(i), root -> new ArrayList<>()).add(i);
    }
    List<DuplicateCluster<T>> clusters = new ArrayList<>(byRoot.size());
    for (List<Integer> positions : byRoot.values()) {
      int best = positions.get(0);
      for (int position : positions) {
        if (preference.compare(items.get(position), items.get(best)) < 0) {
          best = position;
        }
      }
      List<T> members = new ArrayList<>(positions.size());
      positions.forEach(position -> members.add(items.get(position)));
      clusters.add(new DuplicateCluster<>(items.get(best), members, positions));
    }
    return clusters;
  }

  /**
   * Confirmed duplicate pairs among {@code texts}: every pair of exact duplicates is linked to the
   * first occurrence of its text (not all pairs among them), and every confirmed near-duplicate pair
   * between distinct texts' first occurrences is listed. Enough to build the clusters; for pair-level
   * measurement use texts without exact repeats.
   */
  public List<DuplicatePair> pairs(List<String> texts) {
    Fingerprinter fingerprinter = new Fingerprinter(config);
    List<DuplicatePair> pairs = new ArrayList<>();
    Map<String, Integer> firstByHash = new HashMap<>();
    List<Integer> distinctPositions = new ArrayList<>();
    List<Fingerprint> distinct = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Fingerprint fingerprint = fingerprinter.fingerprint(texts.get(i));
      Integer first = firstByHash.putIfAbsent(fingerprint.contentHash(), i);
      if (first != null) {
        pairs.add(new DuplicatePair(first, i, 1.0));
      } else {
        distinctPositions.add(i);
        distinct.add(fingerprint);
      }
    }
    try {
      for (int[] candidate : candidatePairs(distinct)) {
        double jaccard = Jaccard.similarity(
            distinct.get(candidate[0]).shingles(), distinct.get(candidate[1]).shingles());
        if (jaccard >= config.jaccardThreshold()) {
          pairs.add(new DuplicatePair(
              distinctPositions.get(candidate[0]), distinctPositions.get(candidate[1]), jaccard));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory Lucene index failed", e);
    }
    return pairs;
  }

  /** Pairs (i, j), i < j, of fingerprints whose signatures agree on enough buckets and whose sizes allow the threshold. */
  private List<int[]> candidatePairs(List<Fingerprint> fingerprints) throws IOException {
    List<int[]> candidates = new ArrayList<>();
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
      IndexWriterConfig writerConfig = new IndexWriterConfig().setRAMBufferSizeMB(128);
      try (IndexWriter writer = new IndexWriter(directory, writerConfig)) {
        for (int i = 0; i < fingerprints.size(); i++) {
          Document document = new Document();
          for (BytesRef term : fingerprints.get(i).signatureTerms()) {
            document.add(new StringField(SIGNATURE_FIELD, term, Field.Store.NO));
          }
          document.add(new NumericDocValuesField(ORDINAL_FIELD, i));
          writer.addDocument(document);
        }
        // one segment: every signature term is then sought once per text, not once per segment
        writer.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        int[] ordinalOfDoc = ordinals(reader);
        SignatureMatcher matcher = new SignatureMatcher(reader, SIGNATURE_FIELD);
        int minimum = config.minimumAgreeingBuckets();
        for (int i = 0; i < fingerprints.size(); i++) {
          long[] shingles = fingerprints.get(i).shingles();
          for (int doc : matcher.matching(fingerprints.get(i).signatureTerms(), minimum)) {
            int other = ordinalOfDoc[doc];
            if (other > i && sizesAllow(shingles, fingerprints.get(other).shingles())) {
              candidates.add(new int[] {i, other});
            }
          }
        }
      }
    }
    return candidates;
  }

  private boolean sizesAllow(long[] a, long[] b) {
    int small = Math.min(a.length, b.length);
    int large = Math.max(a.length, b.length);
    return large == 0 || (double) small / large >= config.jaccardThreshold();
  }

  private static int[] ordinals(DirectoryReader reader) throws IOException {
    int[] ordinals = new int[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL_FIELD);
      for (int doc = values.nextDoc();
          doc != NumericDocValues.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        ordinals[leaf.docBase + doc] = (int) values.longValue();
      }
    }
    return ordinals;
  }
}
