/** The dedup benchmark command ({@link io.gvgap.index.bench.DedupBenchmark}); not part of the API. */
package io.gvgap.index.bench;
