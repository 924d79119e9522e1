package io.gvgap.core.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Turns a file-system failure into the words a user can act on (what is wrong with which path). */
public final class IoReasons {

  private IoReasons() {
  }

  /** Why {@code e} happened, e.g. "permission denied on /x" or "read-only file system". */
  public static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied on " + a.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " exists and is not a directory";
    }
    if (e instanceof NotDirectoryException n) {
      return n.getFile() + " is not a directory";
    }
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + " does not exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      String reason = f.getReason();
      return (f.getFile() != null ? f.getFile() + ": " : "") + Character.toLowerCase(reason.charAt(0))
          + reason.substring(1);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
