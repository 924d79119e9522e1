package io.gvgap.core.progress;

/** One unit of work being tracked; close it when the work ends. */
public interface ProgressTask extends AutoCloseable {

  /** Records that {@code amount} more units are done. Thread-safe. */
  void step(long amount);

  /** Ends the work (successfully or not). */
  @Override
  void close();
}
