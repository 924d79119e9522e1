package io.gvgap.core.progress;

/**
 * Receives progress of long work (generation, verification, metrics). The CLI draws bars with
 * rates and ETA; embedders may log or ignore it.
 */
public interface Progress {

  /** Progress that is not shown anywhere. */
  Progress NONE = (label, total, unit) -> new ProgressTask() {
    @Override
    public void step(long amount) {}

    @Override
    public void close() {}
  };

  /**
   * Starts a unit of work.
   *
   * @param label what is being done ("generate gsm8k", "verify cot-score")
   * @param total how many units in all, or -1 when unknown
   * @param unit the unit's name ("samples", "examples")
   */
  ProgressTask start(String label, long total, String unit);
}
