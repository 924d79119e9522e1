package io.gvgap.core.store;

import io.gvgap.core.files.FileProblems;
import io.gvgap.core.metrics.StrategyKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A run directory: append-only, crash-safe and resumable.
 *
 * <p>Layout: {@code run.json} (format, version, status), {@code spec.json} (the resolved spec),
 * {@code spec-source.yaml} (the spec as written), {@code plugins.json} (discovered providers),
 * {@code examples.jsonl}, {@code samples.jsonl}, {@code scores.jsonl}, {@code weights.jsonl} (appended
 * as work finishes) and {@code metrics.json} (written at the end). Records are identified by keys,
 * never by position, so a resumed run appends only what is missing and a reader sees no duplicates.
 * The store only writes and reads the directory: {@link RunDirectory} and {@link RunRecords} read it
 * back, and the pipeline hands each batch's records from stage to stage itself.
 *
 * <p>{@code run.json} also records each model's content fingerprint ({@link ModelFingerprint}); a
 * resume whose model content differs is refused before any work, so results of a retrained model
 * never mix with those of the model the run started with.
 *
 * <p>An open store holds the directory's {@link DirectoryLock} until it is closed: a second process
 * that opens the same directory is refused instead of interleaving its records with this one's.
 */
public final class RunStore implements AutoCloseable {

  /** The value of {@code run.json}'s {@code format} field. */
  public static final String FORMAT = "gvgap-run";
  /** The run-directory format version this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** File names inside a run directory. */
  public static final String RUN_JSON = "run.json";

  public static final String SPEC_JSON = "spec.json";
  public static final String SPEC_SOURCE = "spec-source.yaml";
  public static final String PLUGINS_JSON = "plugins.json";
  public static final String EXAMPLES = "examples.jsonl";
  public static final String SAMPLES = "samples.jsonl";
  public static final String SCORES = "scores.jsonl";
  public static final String WEIGHTS = "weights.jsonl";
  public static final String METRICS_JSON = "metrics.json";

  private final Path dir;
  private DirectoryLock lock;
  private RunInfo info;
  private final boolean resumed;
  private final JsonLinesWriter examples;
  private final JsonLinesWriter samples;
  private final JsonLinesWriter scores;
  private final JsonLinesWriter weights;
  private final Map<String, Set<String>> examplesWritten = new HashMap<>();
  private final Map<ExampleKey, BitSet> sampleIndex = new HashMap<>();
  private final Map<ExampleKey, Set<String>> scoresWritten = new HashMap<>();
  private final Map<ExampleKey, Set<StrategyKey>> weightsWritten = new HashMap<>();
  private RunRecords stored = RunRecords.empty();

  private RunStore(Path dir, RunInfo info, boolean resumed) {
    this.dir = dir;
    this.info = info;
    this.resumed = resumed;
    this.examples = new JsonLinesWriter(dir.resolve(EXAMPLES));
    this.samples = new JsonLinesWriter(dir.resolve(SAMPLES));
    this.scores = new JsonLinesWriter(dir.resolve(SCORES));
    this.weights = new JsonLinesWriter(dir.resolve(WEIGHTS));
  }

  /**
   * Creates a run directory, or resumes the one at {@code dir} when it holds a run of the same
   * resolved spec.
   *
   * @throws RunStoreException when {@code dir} holds something else: another spec's run, a newer
   *     format, or files that are not a gvgap run
   */
  public static RunStore openOrCreate(
      Path dir,
      String name,
      String resolvedSpecJson,
      String specSource,
      String pluginsJson,
      String gvgapVersion) {
    return openOrCreate(
        dir, name, resolvedSpecJson, specSource, pluginsJson, gvgapVersion, Shard.whole());
  }

  /**
   * Creates the run directory of one shard of a spec, or resumes it; a directory created for one
   * shard (or for the whole run) is never resumed as another.
   *
   * @param shard the slice of the examples this run covers; {@link Shard#whole()} for all of them
   * @throws RunStoreException when {@code dir} holds something else: another spec's run, another
   *     shard, a newer format, or files that are not a gvgap run
   */
  public static RunStore openOrCreate(
      Path dir,
      String name,
      String resolvedSpecJson,
      String specSource,
      String pluginsJson,
      String gvgapVersion,
      Shard shard) {
    return openOrCreate(
        dir, name, resolvedSpecJson, specSource, pluginsJson, gvgapVersion, shard, null);
  }

  /**
   * Creates the run directory of one shard of a spec, recording the content fingerprints of its
   * models, or resumes it after checking them (see {@link #checkModels}).
   *
   * @param shard the slice of the examples this run covers; {@link Shard#whole()} for all of them
   * @param models the fingerprint of each model whose backend reports one, computed now; null when
   *     unknown (then nothing is recorded in a new directory and nothing is checked on resume)
   * @throws RunStoreException when {@code dir} holds something else: another spec's run (the
   *     differing fields named), another shard, a newer format, files that are not a gvgap run, or
   *     results of a model whose content has changed since; the directory is left as it was. A
   *     directory whose run finished no work (no sample, no score) accepts a corrected spec.
   * @throws DirectoryLockedException when another process is writing {@code dir}
   */
  public static RunStore openOrCreate(
      Path dir,
      String name,
      String resolvedSpecJson,
      String specSource,
      String pluginsJson,
      String gvgapVersion,
      Shard shard,
      List<ModelFingerprint> models) {
    String hash = ResumeChecks.specHash(resolvedSpecJson);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new RunStoreException(
          "cannot create run directory " + dir + ": " + FileProblems.explain(dir, e), e);
    }
    DirectoryLock lock = DirectoryLock.acquire(dir, "gvgap run '" + name + "'");
    try {
      Path runJson = dir.resolve(RUN_JSON);
      RunStore store;
      RunInfo existing = Files.exists(runJson) ? readInfo(dir) : null;
      if (existing != null
          && !ResumeChecks.acceptsCorrectedSpec(dir, existing, hash, resolvedSpecJson)) {
        ResumeChecks.checkResumable(dir, existing, hash, resolvedSpecJson, shard, models);
        store = new RunStore(dir, existing.nextAttempt(), true);
        store.loadExisting();
      } else {
        int attempts = 0;
        if (existing != null) {
          // an earlier attempt of another spec that finished no work: start over with the corrected
          // spec
          attempts = existing.attempts();
          for (String file : List.of(EXAMPLES, SAMPLES, SCORES, WEIGHTS, METRICS_JSON, RUN_JSON)) {
            Files.deleteIfExists(dir.resolve(file));
          }
        } else {
          try (Stream<Path> entries = Files.list(dir)) {
            if (entries.anyMatch(
                p -> !p.getFileName().toString().equals(DirectoryLock.FILE_NAME))) {
              throw new RunStoreException(dir + " exists, is not empty and has no " + RUN_JSON
                  + ": it is not a gvgap run directory; choose another output directory");
            }
          }
        }
        writeAtomically(dir.resolve(SPEC_JSON), resolvedSpecJson);
        writeAtomically(dir.resolve(SPEC_SOURCE), specSource);
        Instant now = Instant.now();
        RunInfo created = new RunInfo(
            FORMAT,
            FORMAT_VERSION,
            name,
            hash,
            RunStatus.STARTED,
            now,
            now,
            attempts + 1,
            null,
            gvgapVersion,
            shard.isWhole() ? null : shard,
            null,
            models);
        store = new RunStore(dir, created, attempts > 0);
      }
      writeAtomically(dir.resolve(PLUGINS_JSON), pluginsJson);
      store.writeInfo();
      store.lock = lock;
      return store;
    } catch (IOException e) {
      lock.close();
      throw new RunStoreException(
          "cannot create run directory " + dir + ": " + FileProblems.explain(dir, e), e);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Reads {@code run.json} of an existing run directory.
   *
   * @throws RunStoreException when the directory is missing or not a gvgap run
   */
  public static RunInfo readInfo(Path dir) {
    Path runJson = dir.resolve(RUN_JSON);
    if (!Files.isDirectory(dir)) {
      throw new RunStoreException(dir + ": no such run directory");
    }
    if (!Files.exists(runJson)) {
      throw new RunStoreException(
          dir + " is not a gvgap run directory (it has no " + RUN_JSON + ")");
    }
    RunInfo info;
    try {
      info = Json.mapper().readValue(runJson.toFile(), RunInfo.class);
    } catch (IOException e) {
      throw new RunStoreException(
          runJson + ": not a valid gvgap run.json (" + e.getMessage() + ")", e);
    }
    if (!FORMAT.equals(info.format())) {
      throw new RunStoreException(
          runJson + ": format is '" + info.format() + "', expected '" + FORMAT + "'");
    }
    if (info.formatVersion() > FORMAT_VERSION) {
      throw new RunStoreException(runJson + ": format version " + info.formatVersion()
          + " is newer than this gvgap reads (" + FORMAT_VERSION + "); upgrade gvgap");
    }
    return info;
  }

  /**
   * Checks that the models of the run in {@code dir} still have the content they had when the run
   * started; called before a finished run's results are reused without opening the store.
   *
   * @param models the fingerprints computed now; null checks nothing
   * @throws RunStoreException naming the directory, the model and both fingerprints when one differs
   */
  public static void checkModels(Path dir, List<ModelFingerprint> models) {
    ResumeChecks.checkModels(dir, readInfo(dir), models);
  }

  private void loadExisting() {
    stored = RunRecords.read(dir);
    for (ExampleRecord e : stored.exampleRecords()) {
      examplesWritten.computeIfAbsent(e.task(), t -> new HashSet<>()).add(e.exampleId());
    }
    stored.examples().forEach(e -> {
      BitSet present = new BitSet();
      e.samples().forEach(s -> present.set(s.sampleIndex()));
      sampleIndex.put(e.key(), present);
      scoresWritten.put(e.key(), new HashSet<>(e.scores().keySet()));
      weightsWritten.put(e.key(), new HashSet<>(e.weights().keySet()));
    });
  }

  /**
   * The records the directory held when this store opened it: everything an interrupted attempt
   * stored (empty for a new run). The pipeline starts each batch from these.
   */
  public RunRecords storedRecords() {
    return stored;
  }

  /** Whether this store continues an earlier, interrupted attempt. */
  public boolean resumed() {
    return resumed;
  }

  /** The directory. */
  public Path directory() {
    return dir;
  }

  /** The current {@code run.json} contents. */
  public synchronized RunInfo info() {
    return info;
  }

  /** Whether the example was already recorded. */
  public synchronized boolean hasExample(String task, String exampleId) {
    return examplesWritten.getOrDefault(task, Set.of()).contains(exampleId);
  }

  /** Records an example once; later calls for the same (task, id) do nothing. */
  public synchronized void appendExample(ExampleRecord record) {
    if (examplesWritten
        .computeIfAbsent(record.task(), t -> new HashSet<>())
        .add(record.exampleId())) {
      examples.append(record);
    }
  }

  /** The sample indices already recorded for an example. */
  public synchronized BitSet sampleIndices(ExampleKey key) {
    BitSet present = sampleIndex.get(key);
    return present == null ? new BitSet() : (BitSet) present.clone();
  }

  /**
   * Appends samples.
   *
   * @throws IllegalStateException if a sample is already recorded (a pipeline bug: no duplicates
   *     may reach the file)
   */
  public synchronized void appendSamples(Collection<SampleRecord> records) {
    for (SampleRecord r : records) {
      BitSet present = sampleIndex.computeIfAbsent(r.exampleKey(), k -> new BitSet());
      if (present.get(r.sampleIndex())) {
        throw new IllegalStateException(
            "sample " + r.sampleIndex() + " of " + r.exampleKey() + " already recorded");
      }
      present.set(r.sampleIndex());
      samples.append(r);
    }
  }

  /** Whether a verifier's scores for an example are recorded. */
  public synchronized boolean hasScores(String verifier, ExampleKey key) {
    return scoresWritten.getOrDefault(key, Set.of()).contains(verifier);
  }

  /** Appends one verifier's scores of one example, once. */
  public synchronized void appendScores(ScoreRecord record) {
    if (!scoresWritten
        .computeIfAbsent(record.exampleKey(), k -> new HashSet<>())
        .add(record.verifier())) {
      throw new IllegalStateException(
          "scores of " + record.verifier() + " for " + record.exampleKey() + " already recorded");
    }
    scores.append(record);
  }

  /** Whether a strategy's weights for an example are recorded. */
  public synchronized boolean hasWeights(StrategyKey strategy, ExampleKey key) {
    return weightsWritten.getOrDefault(key, Set.of()).contains(strategy);
  }

  /**
   * Appends one strategy's weights of one example, once.
   *
   * @throws IllegalStateException if they are already recorded (a pipeline bug)
   */
  public synchronized void appendWeights(WeightRecord record) {
    if (!weightsWritten
        .computeIfAbsent(record.exampleKey(), k -> new HashSet<>())
        .add(record.strategy())) {
      throw new IllegalStateException(
          "weights of " + record.strategy() + " for " + record.exampleKey() + " already recorded");
    }
    weights.append(record);
  }

  /** Forces everything appended so far to disk (end of a batch). */
  public void sync() {
    examples.sync();
    samples.sync();
    scores.sync();
    weights.sync();
  }

  /** Writes {@code metrics.json} atomically. */
  public void writeMetrics(Object metrics) {
    try {
      writeAtomically(
          dir.resolve(METRICS_JSON),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write metrics to " + dir, e);
    }
  }

  /** Records in {@code run.json} that this run is the merge of {@code shards}. */
  public synchronized void recordMergedFrom(List<MergedShard> shards) {
    info = info.withMergedFrom(shards);
    writeInfo();
  }

  /** Records the end of the run. */
  public synchronized void finish(RunStatus status, String error) {
    sync();
    info = info.withStatus(status, error);
    writeInfo();
  }

  private synchronized void writeInfo() {
    try {
      writeAtomically(
          dir.resolve(RUN_JSON),
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.resolve(RUN_JSON), e);
    }
  }

  /** Closes the record files and releases the directory's lock. */
  @Override
  public void close() {
    try {
      examples.close();
      samples.close();
      scores.close();
      weights.close();
    } finally {
      if (lock != null) {
        lock.close();
      }
    }
  }

  /** Writes a file through a temporary file and a rename, so readers never see half of it. */
  static void writeAtomically(Path target, String content) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The hash of a resolved spec that decides whether a run directory resumes (see {@link ResumeChecks}). */
  static String specHash(String resolvedSpecJson) {
    return ResumeChecks.specHash(resolvedSpecJson);
  }

  /** SHA-256 of a text, hex. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
