/** The dedup benchmark, {@code gvgap-bench dedup} ({@link io.gvgap.bench.dedup.DedupBenchmark}); not an API. */
package io.gvgap.bench.dedup;
