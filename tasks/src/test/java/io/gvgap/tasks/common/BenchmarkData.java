package io.gvgap.tasks.common;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the benchmark files that ship with the repository in its top-level {@code data/} folder
 * (GSM8K test, NQ-open dev). A missing file is a failure, never a skip: the files are part of the
 * repository, so their absence means a broken checkout.
 */
public final class BenchmarkData {

  private BenchmarkData() {}

  /** The file {@code data/RELATIVE} of the repository that holds the working directory. */
  public static Path file(String relative) {
    Path start = Path.of("").toAbsolutePath();
    // surefire runs in the module folder (tasks/); walk up to the first folder whose data/ has the
    // file
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path file = dir.resolve("data").resolve(relative);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    throw new IllegalStateException(
        "benchmark file data/" + relative + " is missing: it ships with the repository"
            + " (top-level data/ folder), and no folder from " + start
            + " upwards has it; restore it with"
            + " `git checkout -- data`");
  }
}
