/**
 * Merging sharded runs. {@code gvgap run SPEC --shard i/n} runs the examples at positions
 * {@code p} with {@code p mod n == i} (see {@link io.gvgap.core.store.Shard}) into its own run
 * directory; {@link io.gvgap.core.merge.RunMerger} checks that a set of such directories is one
 * complete, finished run and writes the run directory an unsharded run would have written, metrics
 * included. The launcher ({@code gvgap-launcher}) builds it with the run observers and the metrics
 * executor of every run; the command line ({@code gvgap merge OUT SHARD_DIR...}) calls the launcher.
 */
package io.gvgap.core.merge;
