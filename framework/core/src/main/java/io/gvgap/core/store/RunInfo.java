package io.gvgap.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The contents of {@code run.json}: what kind of directory this is, its status and history.
 *
 * @param format the run-directory format ({@link RunStore#FORMAT})
 * @param formatVersion the format version ({@link RunStore#FORMAT_VERSION})
 * @param name the run's name
 * @param specHash SHA-256 of the resolved spec without its {@code output} (what determines the results, not
 *     where they are written): a resumed run must have the same one
 * @param status where the run is
 * @param created when the directory was first created
 * @param updated when the status last changed
 * @param attempts how many times the run was started (1 + resumes)
 * @param error the error message of a failed run, else null
 * @param gvgapVersion the gvgap version that wrote the directory
 * @param shard the slice of the examples this run covers ({@code gvgap run --shard i/n}); absent
 *     (null) for a run of all examples
 * @param mergedFrom the shards this run was merged from ({@code gvgap merge}); absent (null) for a
 *     run that was not merged
 * @param models the content fingerprint of each model whose backend reports one, recorded when the
 *     directory was created; a resume with a model whose fingerprint differs is refused. Absent
 *     (null) in directories written before gvgap recorded fingerprints: their models are not
 *     checked on resume. A model missing from the list (its backend reports no fingerprint, such as
 *     a remote server) is not checked either.
 */
public record RunInfo(
    String format,
    int formatVersion,
    String name,
    String specHash,
    RunStatus status,
    Instant created,
    Instant updated,
    int attempts,
    String error,
    String gvgapVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<MergedShard> mergedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ModelFingerprint> models) {

  /** Copies the lists of merged shards and of model fingerprints. */
  public RunInfo {
    mergedFrom = mergedFrom == null ? null : List.copyOf(mergedFrom);
    models = models == null ? null : List.copyOf(models);
  }

  /** The shard this run covers, {@link Shard#whole()} for an unsharded run. */
  public Shard effectiveShard() {
    return shard == null ? Shard.whole() : shard;
  }

  /** This info with another status (and error message), updated now. */
  public RunInfo withStatus(RunStatus newStatus, String newError) {
    return new RunInfo(
        format,
        formatVersion,
        name,
        specHash,
        newStatus,
        created,
        Instant.now(),
        attempts,
        newError,
        gvgapVersion,
        shard,
        mergedFrom,
        models);
  }

  /** This info for one more attempt. */
  public RunInfo nextAttempt() {
    return new RunInfo(
        format,
        formatVersion,
        name,
        specHash,
        RunStatus.STARTED,
        created,
        Instant.now(),
        attempts + 1,
        null,
        gvgapVersion,
        shard,
        mergedFrom,
        models);
  }

  /** This info recording the shards it was merged from. */
  public RunInfo withMergedFrom(List<MergedShard> shards) {
    return new RunInfo(
        format,
        formatVersion,
        name,
        specHash,
        status,
        created,
        Instant.now(),
        attempts,
        error,
        gvgapVersion,
        shard,
        shards,
        models);
  }
}
