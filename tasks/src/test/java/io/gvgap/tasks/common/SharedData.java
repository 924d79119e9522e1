package io.gvgap.tasks.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared benchmark data that tests read (never copied into the repository). */
public final class SharedData {

  private SharedData() {
  }

  /**
   * A file under the shared data folder: the system property {@code gvgap.shared.data} that the
   * parent pom's surefire sets, else {@code ../shared/data} relative to the repository root.
   */
  public static Path file(String relative) {
    String property = System.getProperty("gvgap.shared.data");
    Path root = property != null ? Path.of(property) : repositoryRoot().resolve("../shared/data");
    Path file = root.resolve(relative).normalize();
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("shared data file " + file + " is missing; tests need the benchmark data in"
          + " ../shared/data next to the repository (or -Dgvgap.shared.data=FOLDER)");
    }
    return file;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    // surefire runs in the module folder (tasks/); the repository root is the first folder up with .git
    while (dir != null && !Files.exists(dir.resolve(".git"))) {
      dir = dir.getParent();
    }
    return dir == null ? Path.of("").toAbsolutePath() : dir;
  }
}
