package io.gvgap.core.store;

/** The life cycle of a run directory, recorded in {@code run.json}. */
public enum RunStatus {
  /** The run started and has not finished (still going, or crashed). */
  STARTED,
  /** The run finished and its metrics are complete. */
  SUCCESS,
  /** The run stopped with an error; the message is in {@code run.json}. */
  ERROR
}
