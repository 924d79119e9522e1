package io.gvgap.filters;

/**
 * What a rank filter ({@code quantile}, {@code top-k}) does with samples tied at its cut.
 *
 * <p>{@link #BREAK} keeps exactly the asked number of samples: among the samples tied at the cut,
 * those with the smallest tie-break keys are kept. A sample's key is the SplitMix64-mixed key of
 * the seed {@code runSeed ^ fnv1a64(filterName)}, the example id and the sample index (the same
 * key {@code best-of-n} uses), so anyone holding the run's seed can recompute which samples were kept,
 * the choice does not depend on batching, and it differs between examples. {@link #KEEP} keeps every
 * tied sample (the rule before exact filters), so a verifier with few distinct scores can keep far
 * more than asked.
 */
public enum Ties {
  /** Keep every sample tied at the cut (may keep more than asked). */
  KEEP,
  /** Keep exactly the asked number; ties at the cut broken by the seeded, recomputable key. */
  BREAK
}
