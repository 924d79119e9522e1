/**
 * Studies built from ordinary runs: iterative self-improvement and scaling over a model family.
 *
 * <p><b>Self-improvement</b> ({@code gvgap improve SPEC}): {@link io.gvgap.studies.ImproveSpecLoader}
 * reads a run spec with an {@code improve:} section; {@link io.gvgap.studies.ImprovementStudy} runs
 * round t into {@code STUDY_DIR/round-t/} (a normal run directory), selects what the chosen
 * (verifier, filter) keeps ({@link io.gvgap.studies.KeptSampleSelector}, weights {@code > 0}; ground
 * truth is never used to select), removes duplicates ({@link io.gvgap.studies.SampleDeduplicator}),
 * writes the SFT set ({@link io.gvgap.studies.SftSetWriter}) and distils it with the ONNX training
 * API into {@code STUDY_DIR/models/round-(t+1)/}. {@code rounds.json} holds per-round accuracy,
 * relative gaps, pass@k for k = 1..N and effective diversity ({@code io.gvgap.index.Diversity}); its
 * records are in {@code io.gvgap.core.results}, shared with the report. Each stage is
 * idempotent, so rerunning the command after a crash resumes.
 *
 * <pre>{@code
 * ImproveSpec spec = ImproveSpecLoader.load(file);
 * ResolvedRunSpec base = RunSpecResolver.resolve(spec.run(), registry, file);
 * RoundsFile rounds = new ImprovementStudy(registry, runExecutor, System.err::println,
 *     ProgressListener.none(), new ExactDuplicateRemover()).run(spec, base, Files.readString(file));
 * }</pre>
 *
 * <p>The studies never build the pipeline: a study is handed a {@code RunExecutor} (in practice the
 * launcher's, {@code gvgap-launcher}, which also runs scaling studies end to end), so every round is
 * assembled like any other run, sample index and diversity included.
 *
 * <p><b>Scaling</b> ({@code gvgap scaling SPEC}): {@link io.gvgap.studies.ScalingSpecLoader} reads a
 * run spec over the family with an optional {@code scaling:} section; after the run,
 * {@link io.gvgap.studies.ScalingStudy#analyse} fits every strategy's relative gaps (pooled, per
 * prompt), its share of the oracle's gap at the same filter, and its gap against log10 pre-training
 * FLOPs into {@code scaling.json}: by least squares ({@link io.gvgap.studies.LeastSquares}: slope
 * with the regression's t-interval, R²), on prompt resamples drawn jointly for all models (the slope's
 * percentile interval and the share of resamples in which the points stay in order), and by
 * weighted least squares with each point's own interval
 * ({@link io.gvgap.studies.WeightedLeastSquares}). Members whose point is undefined (saturated:
 * J(f) = 1) are listed as excluded with why, and a multiplicity note counts the intervals made.
 *
 * <p>The HTML report draws both files (the {@code rounds} and {@code scaling} sections of
 * {@code gvgap-reports}).
 */
package io.gvgap.studies;
