package io.gvgap.index;

import io.gvgap.core.store.ExampleKey;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.SampleScore;
import io.gvgap.core.store.ScoreRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of a run's samples (a run keeps it in {@code RUN_DIR/index}).
 *
 * <p>Every sample is one document keyed by {@code model/task/example/sample/round}
 * ({@link #idOf}); adding writes with {@code updateDocument} on that key, so adding the same
 * sample again replaces it. That makes resuming simple: after a crash, reopen and re-add
 * everything the run store holds; what was committed is replaced, what was lost is added, nothing
 * is duplicated. Call {@link #commit()} after each batch (the run store's batch): a commit is
 * Lucene's durable point.
 *
 * <p>Verifier scores arrive later ({@link #addScores}); Lucene cannot change one field of a
 * document, so the sample is read back and rewritten with the score added.
 *
 * <p>Each commit records the run id and the signature settings ({@link DedupConfig}'s shingles and
 * buckets); opening an index with other signature settings fails, since its MinHash terms would
 * not match. Reads (counts, search) see uncommitted additions. One writer per directory: a second
 * {@code open} of the same directory fails until the first is closed. Thread-safe: writes are
 * serialised (a score update reads, changes and rewrites its sample, which must not interleave).
 */
public final class SampleIndex implements Closeable {

  static final String COMMIT_RUN = "gvgap.run";
  static final String COMMIT_SIGNATURE = "gvgap.signature";
  private static final char KEY_SEPARATOR = '/';

  private final Path path;
  private final String run;
  private final DedupConfig config;
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Fingerprinter fingerprinter;

  private SampleIndex(Path path, String run, DedupConfig config) throws IOException {
    this.path = path;
    this.run = run;
    this.config = config;
    this.directory = FSDirectory.open(path);
    try {
      checkCompatible();
      IndexWriterConfig writerConfig = new IndexWriterConfig(new StandardAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setCommitOnClose(true)
          .setRAMBufferSizeMB(64);
      this.writer = new IndexWriter(directory, writerConfig);
      this.writer.setLiveCommitData(
          Map.of(COMMIT_RUN, run, COMMIT_SIGNATURE, config.signatureKey()).entrySet());
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.fingerprinter = new Fingerprinter(config);
  }

  /**
   * Opens or creates the index in {@code directory} with the default dedup settings; the run id is
   * the name of the directory's parent (the run directory of {@code RUN_DIR/index}).
   */
  public static SampleIndex open(Path directory) {
    Path parent = directory.toAbsolutePath().getParent();
    return open(
        directory,
        parent == null || parent.getFileName() == null
            ? ""
            : parent.getFileName().toString(),
        DedupConfig.defaults());
  }

  /** Opens or creates the index in {@code directory} for run {@code run} with the given dedup settings. */
  public static SampleIndex open(Path directory, String run, DedupConfig config) {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(config, "config");
    try {
      return new SampleIndex(directory, run, config);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the sample index at " + directory
              + " (is another process writing it? a stale write.lock is safe to delete only if none is)",
          e);
    }
  }

  /** The unique key of a sample: {@code model/task/example/sample/round}. */
  public static String idOf(
      int round, String model, String task, String exampleId, int sampleIndex) {
    return model
        + KEY_SEPARATOR
        + task
        + KEY_SEPARATOR
        + exampleId
        + KEY_SEPARATOR
        + sampleIndex
        + KEY_SEPARATOR
        + round;
  }

  /** Where the index lives. */
  public Path path() {
    return path;
  }

  /** The run id written into each document. */
  public String run() {
    return run;
  }

  /** The dedup settings whose signatures the index holds. */
  public DedupConfig config() {
    return config;
  }

  /** Adds (or replaces) samples of round 0. */
  public void add(List<SampleRecord> samples) {
    add(0, samples);
  }

  /** Adds (or replaces, by key) samples of the given round; scores already indexed for them are kept. */
  public synchronized void add(int round, List<SampleRecord> samples) {
    try {
      // one searcher for the whole batch: reopening it after every write would dominate the cost
      IndexSearcher searcher = acquire();
      try {
        for (SampleRecord sample : samples) {
          String id =
              idOf(round, sample.model(), sample.task(), sample.exampleId(), sample.sampleIndex());
          Map<String, Double> scores =
              find(searcher, id).map(IndexedSample::scores).orElse(Map.of());
          write(new IndexedSample(run, round, sample, "", scores));
        }
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing samples to the index at " + path + " failed", e);
    }
  }

  /** Adds verifier scores to samples of round 0. */
  public void addScores(List<ScoreRecord> records) {
    addScores(0, records);
  }

  /**
   * Adds each record's parsed scores to its samples of the given round, under the record's verifier
   * label; unparsed verdicts (null value) remove an earlier score of that verifier. Fails, naming the
   * sample, when a score's sample is not in the index (add samples before their scores).
   */
  public synchronized void addScores(int round, List<ScoreRecord> records) {
    try {
      Map<String, IndexedSample> changed = new LinkedHashMap<>();
      for (ScoreRecord record : records) {
        for (SampleScore score : record.scores()) {
          String id =
              idOf(round, record.model(), record.task(), record.exampleId(), score.sampleIndex());
          IndexedSample current = changed.containsKey(id)
              ? changed.get(id)
              : find(id)
                  .orElseThrow(() -> new IllegalStateException("verifier '" + record.verifier()
                      + "' scored sample " + id + " which is not in the index at " + path
                      + "; add the samples before their scores"));
          Map<String, Double> scores = new LinkedHashMap<>(current.scores());
          if (score.value() == null) {
            scores.remove(record.verifier());
          } else {
            scores.put(record.verifier(), score.value());
          }
          changed.put(
              id,
              new IndexedSample(
                  current.run(), current.round(), current.sample(), current.contentHash(), scores));
        }
      }
      for (IndexedSample sample : changed.values()) {
        write(sample);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing scores to the index at " + path + " failed", e);
    }
  }

  private void write(IndexedSample sample) throws IOException {
    Fingerprint fingerprint = fingerprinter.fingerprint(sample.sample().text());
    writer.updateDocument(
        new Term(SampleFields.ID, sample.id()), SampleFields.toDocument(sample, fingerprint));
  }

  /** Makes everything added so far durable (one Lucene commit). */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("committing the index at " + path + " failed", e);
    }
  }

  /** Discards everything added since the last commit and closes the index (what a crash leaves behind). */
  public void rollback() {
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("rolling back the index at " + path + " failed", e);
    }
  }

  /** Commits and closes. */
  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the index at " + path + " failed", e);
    }
  }

  /** Samples in the index, uncommitted ones included. */
  public int count() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** The sample with this key, if indexed. */
  public Optional<IndexedSample> get(
      int round, String model, String task, String exampleId, int sampleIndex) {
    try {
      return find(idOf(round, model, task, exampleId, sampleIndex));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the index at " + path + " failed", e);
    }
  }

  /** All samples of one round, ordered by model, task, example id and sample index. */
  public List<IndexedSample> samples(int round) {
    return sorted(matching(IntPoint.newExactQuery(SampleFields.ROUND, round)));
  }

  /** One prompt's samples of one round, ordered by sample index. */
  public List<IndexedSample> samples(int round, ExampleKey example) {
    BooleanQuery query = new BooleanQuery.Builder()
        .add(IntPoint.newExactQuery(SampleFields.ROUND, round), BooleanClause.Occur.FILTER)
        .add(
            new TermQuery(new Term(SampleFields.MODEL, example.model())),
            BooleanClause.Occur.FILTER)
        .add(new TermQuery(new Term(SampleFields.TASK, example.task())), BooleanClause.Occur.FILTER)
        .add(
            new TermQuery(new Term(SampleFields.EXAMPLE, example.exampleId())),
            BooleanClause.Occur.FILTER)
        .build();
    return sorted(matching(query));
  }

  /** Search over this index (text, answer, utility and score ranges, near-duplicates). */
  public SampleSearch search() {
    return new SampleSearch(this);
  }

  private static List<IndexedSample> sorted(List<IndexedSample> samples) {
    samples.sort(java.util.Comparator.comparing((IndexedSample s) -> s.sample().model())
        .thenComparing(s -> s.sample().task())
        .thenComparing(s -> s.sample().exampleId())
        .thenComparingInt(s -> s.sample().sampleIndex()));
    return samples;
  }

  private List<IndexedSample> matching(Query query) {
    return withSearcher(searcher -> {
      int total = Math.max(1, searcher.count(query));
      return read(searcher, searcher.search(query, total));
    });
  }

  static List<IndexedSample> read(IndexSearcher searcher, TopDocs hits) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<IndexedSample> samples = new ArrayList<>(hits.scoreDocs.length);
    for (ScoreDoc hit : hits.scoreDocs) {
      samples.add(SampleFields.fromDocument(stored.document(hit.doc)));
    }
    return samples;
  }

  private Optional<IndexedSample> find(String id) throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return find(searcher, id);
    } finally {
      searchers.release(searcher);
    }
  }

  private static Optional<IndexedSample> find(IndexSearcher searcher, String id)
      throws IOException {
    TopDocs hits = searcher.search(new TermQuery(new Term(SampleFields.ID, id)), 1);
    return hits.scoreDocs.length == 0
        ? Optional.empty()
        : Optional.of(read(searcher, hits).get(0));
  }

  /** Work on a searcher that sees everything added so far. */
  interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the index at " + path + " failed", e);
    }
  }

  private IndexSearcher acquire() throws IOException {
    searchers.maybeRefreshBlocking();
    return searchers.acquire();
  }

  private void checkCompatible() throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    List<IndexCommit> commits = DirectoryReader.listCommits(directory);
    Map<String, String> data = commits.get(commits.size() - 1).getUserData();
    String signature = data.get(COMMIT_SIGNATURE);
    if (signature != null && !signature.equals(config.signatureKey())) {
      throw new IllegalArgumentException(
          "the sample index at " + path + " holds MinHash signatures built with "
              + signature + " (unit:shingle size:buckets) but it was opened with "
              + config.signatureKey()
              + "; open it with the same shingle and bucket settings, or delete the directory to rebuild it");
    }
  }
}
