package io.gvgap.api.model;

import io.gvgap.api.Stable;

/** Why a completion ended. */
@Stable
public enum FinishReason {
  /** A stop sequence was produced. */
  STOP,
  /** The model produced its end-of-sequence token. */
  EOS,
  /** The maximum number of new tokens was reached. */
  LENGTH,
  /** The model's context was full. */
  CONTEXT
}
