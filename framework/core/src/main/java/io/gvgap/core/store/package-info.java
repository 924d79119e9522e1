/**
 * The run directory: {@link io.gvgap.core.store.RunStore} writes it (append-only, crash-safe,
 * resumable) and the run-directory model reads it back — {@link io.gvgap.core.store.RunDirectory}
 * (the {@linkplain io.gvgap.core.store.RunManifest manifest} and the metrics) and
 * {@link io.gvgap.core.store.RunRecords} (each example joined with its samples, scores and weights,
 * {@link io.gvgap.core.store.ExampleResults}, grouped by model and task). No code outside this
 * package parses the files; metrics, merge, reports, studies and the sample index all read through
 * the model (a test scans every module's sources to keep it so).
 *
 * <p>Files (format {@code gvgap-run}, version {@value io.gvgap.core.store.RunStore#FORMAT_VERSION}):
 * <ul>
 *   <li>{@code run.json}: {@link io.gvgap.core.store.RunInfo} (status, attempts, shard, model fingerprints);
 *   <li>{@code spec.json}, {@code spec-source.yaml}, {@code plugins.json}: the resolved spec, the spec
 *       as written, the discovered providers;
 *   <li>{@code examples.jsonl}: one {@link io.gvgap.core.store.ExampleRecord} per (task, example);
 *   <li>{@code samples.jsonl}: one {@link io.gvgap.core.store.SampleRecord} per sample;
 *   <li>{@code scores.jsonl}: one {@link io.gvgap.core.store.ScoreRecord} per (model, task, example,
 *       verifier), each sample's score, parse status and raw output;
 *   <li>{@code weights.jsonl}: one {@link io.gvgap.core.store.WeightRecord} per (model, task, example,
 *       verifier, filter), written by the pipeline's filtering stage after verification: each
 *       sample's weight and whether it is kept ({@code weight > 0}). Metrics, reports and
 *       distillation read these weights instead of running the filters again, so none needs the
 *       filter plugins. A directory written before this file existed has none; running its spec on
 *       it again adds them (nothing else is recomputed), and readers treat an example without
 *       weights as incomplete;
 *   <li>{@code metrics.json}: {@link io.gvgap.core.store.RunMetrics}, written at the end.
 * </ul>
 * Records are identified by keys, never by position in a file; a torn last line (a crash) is
 * skipped by readers and removed before the next append; a record stored twice is an error.
 */
package io.gvgap.core.store;
