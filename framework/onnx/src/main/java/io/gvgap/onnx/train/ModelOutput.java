package io.gvgap.onnx.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a distilled model is written so that nothing good is ever lost: training runs in a work
 * directory beside the output ({@code .NAME.partial}, which also holds the checkpoints a rerun
 * resumes from), and the finished model is renamed into place only when it is complete. An existing
 * output is replaced only when asked, and only after the new model is complete; the input model is
 * never written.
 */
public final class ModelOutput {

  private ModelOutput() {}

  /**
   * Checks that {@code out} may receive a model distilled from {@code input}.
   *
   * @param overwrite whether an existing, non-empty {@code out} may be replaced
   * @throws IllegalArgumentException saying what is wrong and what to do: {@code out} is (or is inside,
   *     or contains) the input model, is a file, or is a non-empty directory and {@code overwrite} is false
   */
  public static void check(Path input, Path out, boolean overwrite) {
    Path in = real(input);
    Path target = real(out);
    if (target.equals(in) || target.startsWith(in) || in.startsWith(target)) {
      throw new IllegalArgumentException(
          "--out " + out + " is "
              + (target.equals(in)
                  ? "the input model "
                  : target.startsWith(in)
                      ? "inside the input model "
                      : "a folder that holds the input model ")
              + input
              + "; distillation never writes into its input, even with --overwrite: choose another --out");
    }
    if (Files.isRegularFile(out)) {
      throw new IllegalArgumentException(
          "--out " + out + " is a file; give a directory path for the distilled model");
    }
    if (!overwrite && !isEmptyOrMissing(out)) {
      throw new IllegalArgumentException("--out " + out + " already exists and is not empty"
          + (Files.isRegularFile(out.resolve("config.json")) ? " (it holds a model)" : "")
          + "; choose another --out, or pass --overwrite to replace it (the old contents are replaced only once"
          + " the new model is complete)");
    }
  }

  /** The work directory of {@code out}: a hidden sibling that holds checkpoints and the unfinished model. */
  public static Path workDirectory(Path out) {
    Path absolute = out.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".partial");
  }

  /**
   * Puts the finished model of {@code work} in place as {@code out}: a rename, after moving an
   * existing {@code out} aside (it is deleted only once the new model is in place).
   */
  public static void publish(Path work, Path out) throws IOException {
    Path absolute = out.toAbsolutePath().normalize();
    Path replaced = null;
    if (Files.exists(absolute)) {
      replaced = absolute.resolveSibling("." + absolute.getFileName() + ".replaced");
      deleteTree(replaced);
      move(absolute, replaced);
    }
    move(work, absolute);
    if (replaced != null) {
      deleteTree(replaced);
    }
  }

  private static boolean isEmptyOrMissing(Path dir) {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
