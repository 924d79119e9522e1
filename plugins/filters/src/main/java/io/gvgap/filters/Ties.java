package io.gvgap.filters;

/**
 * What a rank filter ({@code quantile}, {@code top-k}) does with samples tied at its cut.
 *
 * <p>{@link #BREAK} (the default) keeps exactly the asked number: among samples tied at the cut,
 * those with the smallest tie-break key win, a key that depends only on the run's seed, the example
 * id and the sample index ({@link TieBreak#key}), so anyone can recompute which samples were kept
 * from the seed recorded in {@code spec.json}, and every verifier orders tied samples the same way.
 * {@link #KEEP} keeps every sample tied at the cut, so a verifier with few distinct scores can keep
 * far more than asked.
 */
public enum Ties {
  /** Keep every sample tied at the cut (may keep more than asked). */
  KEEP,
  /** Keep exactly the asked number; seeded tie-break among samples tied at the cut. */
  BREAK
}
