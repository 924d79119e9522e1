package io.gvgap.core.store;

import java.nio.file.Path;

/** Another process (or other work in this JVM) is writing the directory gvgap was asked to write. */
public final class DirectoryLockedException extends RunStoreException {

  private static final long serialVersionUID = 1L;

  /**
   * @param directory the locked directory
   * @param holder the holder's description from the lock file (pid, host, command, start time)
   */
  public DirectoryLockedException(Path directory, String holder) {
    super(directory + " is in use by " + holder
        + "; two gvgap processes writing one directory would corrupt it."
        + " Wait for that one to finish, or choose another output directory. If that process is gone, rerun:"
        + " its lock was released when it ended");
  }
}
