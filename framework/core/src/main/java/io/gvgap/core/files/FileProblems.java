package io.gvgap.core.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a file or directory could not be read or written, said so that the user can act on it:
 * "runs/x is a file, not a directory; remove it or choose another path". The explanation looks at
 * the exception's type and reason and at the file system around the path (a file standing where a
 * directory is needed).
 */
public final class FileProblems {

  private FileProblems() {}

  /**
   * Explains an I/O failure on {@code target}: what is wrong and what to do, in one sentence without
   * a trailing period, naming the path that is at fault.
   *
   * @param target the file or directory that was being read, written or created
   * @param e what the file system reported
   */
  public static String explain(Path target, IOException e) {
    String reason = reason(e).toLowerCase(Locale.ROOT);
    if (e instanceof CharacterCodingException) {
      return target + " is not UTF-8 text; save it as UTF-8";
    }
    if (e instanceof AccessDeniedException
        || reason.contains("permission denied")
        || reason.contains("operation not permitted")) {
      return "no permission to use " + where(target, e)
          + "; choose a path you may write to, or change the" + " permissions of its directory";
    }
    if (reason.contains("read-only file system")) {
      return where(target, e)
          + " is on a read-only file system; choose a path on a writable file system";
    }
    if (reason.contains("no space left") || reason.contains("disk quota")) {
      return "the disk holding " + where(target, e)
          + " is full; free space or choose a path on another disk";
    }
    Optional<Path> fileInTheWay = fileInTheWay(target);
    if (fileInTheWay.isPresent()) {
      return fileInTheWay.get() + " is a file, not a directory; remove it or choose another path";
    }
    if (e instanceof FileAlreadyExistsException && Files.isRegularFile(target)) {
      return target + " is a file, not a directory; remove it or choose another path";
    }
    if (reason.contains("is a directory")
        || (e instanceof DirectoryNotEmptyException && Files.isDirectory(target))) {
      return target + " is a directory, not a file; give the path of a file";
    }
    if (e instanceof NotDirectoryException || reason.contains("not a directory")) {
      return where(target, e) + " is not a directory; choose another path";
    }
    if (e instanceof NoSuchFileException) {
      return where(target, e) + " does not exist (looked in "
          + target.toAbsolutePath().normalize() + ")";
    }
    if (e instanceof FileSystemException fse
        && fse.getFile() != null
        && fse.getReason() != null
        && fse.getReason().startsWith("is ")) {
      // a reason written as the rest of a sentence about the file (TextFiles, the command line's
      // readers)
      return fse.getFile() + " " + fse.getReason();
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.contains(target.toString()) ? text : target + ": " + text;
  }

  /** The first ancestor of {@code target} (or the target's parent chain) that exists but is not a directory. */
  private static Optional<Path> fileInTheWay(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    for (Path p = absolute.getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? Optional.empty() : Optional.of(relativeLike(target, p));
      }
    }
    return Optional.empty();
  }

  /** Shows an ancestor as the user wrote the target: relative when the target was relative. */
  private static Path relativeLike(Path target, Path absoluteAncestor) {
    if (target.isAbsolute()) {
      return absoluteAncestor;
    }
    Path base = Path.of("").toAbsolutePath();
    return absoluteAncestor.startsWith(base) ? base.relativize(absoluteAncestor) : absoluteAncestor;
  }

  private static String where(Path target, IOException e) {
    if (e instanceof FileSystemException fse
        && fse.getFile() != null
        && !fse.getFile().equals(target.toString())) {
      return fse.getFile() + " (for " + target + ")";
    }
    return target.toString();
  }

  private static String reason(IOException e) {
    if (e instanceof FileSystemException fse) {
      return fse.getReason() == null ? "" : fse.getReason();
    }
    return e.getMessage() == null ? "" : e.getMessage();
  }
}
