/** The training-step benchmark, {@code gvgap-bench training} ({@link io.gvgap.bench.training.TrainingBenchmark}); not an API. */
package io.gvgap.bench.training;
