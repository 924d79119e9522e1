package io.gvgap.core.metrics;

/**
 * Which (verifier, filter) pair produced a set of weights. Labels are as written in reports, e.g.
 * {@code ("cot-score", "quantile-0.25")}; the verifier label may name an ensemble.
 *
 * @param verifier the verifier label; never blank
 * @param filter the filter label; never blank
 */
public record StrategyKey(String verifier, String filter) {

  /** Rejects blank labels, which would make report rows indistinguishable. */
  public StrategyKey {
    if (verifier == null || verifier.isBlank()) {
      throw new IllegalArgumentException("StrategyKey.verifier is blank (filter=" + filter
          + "); give the verifier label as written in reports");
    }
    if (filter == null || filter.isBlank()) {
      throw new IllegalArgumentException("StrategyKey.filter is blank (verifier=" + verifier
          + "); give the filter label as written in reports");
    }
  }

  /** The pair as written in error messages and reports: {@code verifier/filter}. */
  @Override
  public String toString() {
    return verifier + "/" + filter;
  }
}
