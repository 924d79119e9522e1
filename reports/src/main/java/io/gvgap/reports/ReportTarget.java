package io.gvgap.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks where a report may be written: never over a run directory's own records, a directory, or
 * an existing file that is not an HTML report (a report replaces an earlier report, nothing else).
 */
final class ReportTarget {

  private ReportTarget() {}

  /**
   * @throws IllegalArgumentException saying why {@code outFile} may not be written and what to do
   */
  static void check(List<Path> runDirectories, Path outFile) {
    if (outFile.toString().isBlank()) {
      throw new IllegalArgumentException(
          "the report path is empty; give a file name, e.g. -o report.html");
    }
    Path target = outFile.toAbsolutePath().normalize();
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException("cannot write the report to " + outFile + ": " + outFile
          + " is a directory, not a file; give a file name" + " inside it, e.g. "
          + outFile.resolve("report.html"));
    }
    boolean html = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html");
    for (Path run : runDirectories) {
      if (target.startsWith(run.toAbsolutePath().normalize()) && !html) {
        throw new IllegalArgumentException(
            "cannot write the report to " + outFile + ": it is inside the run directory "
                + run + ", whose files are the run's records; write it as an .html file (e.g. "
                + run.resolve("report.html") + ") or outside the run directory");
      }
    }
    if (Files.isRegularFile(target) && !isHtmlReport(target)) {
      throw new IllegalArgumentException(
          "cannot write the report to " + outFile + ": the file exists and is not an HTML"
              + " report, so writing would destroy it; choose another file name or remove it first");
    }
  }

  private static boolean isHtmlReport(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String head = new String(in.readNBytes(64), StandardCharsets.UTF_8)
          .stripLeading()
          .toLowerCase(Locale.ROOT);
      return head.isEmpty() || head.startsWith("<!doctype html") || head.startsWith("<html");
    } catch (IOException e) {
      return false;
    }
  }
}
