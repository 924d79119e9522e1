/**
 * The records of the result files that one module writes and another reads, so that writer and
 * reader share one type: {@link io.gvgap.core.results.RoundsFile} ({@code rounds.json} of an
 * improvement study), {@link io.gvgap.core.results.ScalingFile} ({@code scaling.json} of a scaling
 * study) and {@link io.gvgap.core.results.DiversityFile} ({@code diversity.json} of a run). The run's
 * {@code metrics.json} is {@link io.gvgap.core.store.RunMetrics}. Read and write them with
 * {@link io.gvgap.core.input.JsonFiles}, which names file, line and field when one does not fit.
 */
package io.gvgap.core.results;
