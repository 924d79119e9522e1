package io.gvgap.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reason a write can fail gets a sentence that names the path at fault and says what to do. */
class FileProblemsTest {

  @TempDir
  Path temp;

  @Test
  void aFileWhereTheDirectoryShouldBeIsNamed() throws IOException {
    Path file = Files.writeString(temp.resolve("taken"), "x");
    IOException asDirectory = assertThrows(() -> Files.createDirectories(file));
    assertThat(FileProblems.explain(file, asDirectory))
        .isEqualTo(file + " is a file, not a directory; remove it or choose another path");
    Path below = file.resolve("run");
    IOException belowAFile = assertThrows(() -> Files.createDirectories(below));
    assertThat(FileProblems.explain(below, belowAFile))
        .isEqualTo(file + " is a file, not a directory; remove it or choose another path");
  }

  @Test
  void aDirectoryWhereAFileShouldBeIsNamed() throws IOException {
    Path directory = Files.createDirectory(temp.resolve("report.html"));
    Files.writeString(directory.resolve("inside"), "x");
    IOException replace = assertThrows(() -> Files.move(
        Files.writeString(temp.resolve("new"), "y"),
        directory,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    assertThat(FileProblems.explain(directory, replace))
        .isEqualTo(directory + " is a directory, not a file; give the path of a file");
  }

  @Test
  void permissionReadOnlyAndFullDiskSayWhatToDo() {
    Path target = temp.resolve("out");
    assertThat(FileProblems.explain(target, new AccessDeniedException(target.toString())))
        .isEqualTo("no permission to use " + target
            + "; choose a path you may write to, or change the permissions" + " of its directory");
    assertThat(FileProblems.explain(
            target, new FileSystemException(target.toString(), null, "Read-only file system")))
        .isEqualTo(
            target + " is on a read-only file system; choose a path on a writable file system");
    assertThat(FileProblems.explain(
            target, new FileSystemException(temp.toString(), null, "No space left on device")))
        .isEqualTo("the disk holding " + temp + " (for " + target
            + ") is full; free space or choose a path on another" + " disk");
  }

  @Test
  void textThatIsNotUtf8AndAMissingFileAreSaidInWords() {
    Path target = temp.resolve("in.jsonl");
    assertThat(FileProblems.explain(target, new MalformedInputException(1)))
        .isEqualTo(target + " is not UTF-8 text; save it as UTF-8");
    assertThat(FileProblems.explain(target, new NoSuchFileException(target.toString())))
        .startsWith(target + " does not exist (looked in ");
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static IOException assertThrows(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      return e;
    }
    throw new AssertionError("expected an IOException");
  }
}
