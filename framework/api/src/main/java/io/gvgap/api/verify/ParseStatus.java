package io.gvgap.api.verify;

import io.gvgap.api.Stable;

/** Whether a verifier's output gave a score. */
@Stable
public enum ParseStatus {
  /** A score was read from the verifier's output. */
  OK,
  /** The output held no readable verdict; the sample has no score and is counted as a parse failure. */
  FAILED
}
