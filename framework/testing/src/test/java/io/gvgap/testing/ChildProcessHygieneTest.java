package io.gvgap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source in the repository that starts a child process (java, node, Chromium, gvgap serve)
 * bounds how long it waits for it and kills it when the wait or a check fails, so a hung child
 * fails its test instead of stalling the build: no {@code waitFor()} without a time limit, a
 * {@code destroyForcibly()} in every file that starts a process, and no reading of a child's output
 * pipe to its end (which blocks past any time limit: redirect the output to a file instead).
 */
class ChildProcessHygieneTest {
  private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "node_modules", ".git");

  /** The rules' violations in one source file's text, each naming the rule. */
  static List<String> violations(String source) {
    List<String> found = new ArrayList<>();
    if (source.contains(".waitFor()")) {
      found.add(
          "waitFor() without a time limit: use waitFor(timeout, unit) and destroyForcibly() when it runs out");
    }
    boolean startsProcesses =
        source.contains("new ProcessBuilder(") || source.contains("Runtime.getRuntime().exec(");
    if (startsProcesses && !source.contains("destroyForcibly()")) {
      found.add(
          "starts a process but never calls destroyForcibly(): kill it in a finally block or an @AfterEach");
    }
    if (startsProcesses && source.contains(".getInputStream()")) {
      found.add(
          "reads a child's output pipe, which blocks past any time limit: redirect the output to a file");
    }
    return found;
  }

  @Test
  void theRulesCatchAnUnboundedWaitAMissingKillAndAPipeReadToItsEnd() {
    String unbounded = """
        Process node = new ProcessBuilder("node", "x.mjs").start();
        String output = new String(node.getInputStream().readAllBytes());
        node.waitFor();
        """;
    assertThat(violations(unbounded)).hasSize(3);
    String bounded = """
        Process node = new ProcessBuilder("node", "x.mjs").redirectOutput(log.toFile()).start();
        try {
          assertThat(node.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
          node.destroyForcibly();
        }
        """;
    assertThat(violations(bounded)).isEmpty();
  }

  @Test
  void everySourceThatStartsAProcessBoundsItsWaitsAndKillsItsChildren() throws IOException {
    Path root = repositoryRoot();
    List<String> problems = new ArrayList<>();
    int scanned = 0;
    for (Path file : javaSources(root)) {
      scanned++;
      for (String violation : violations(Files.readString(file))) {
        problems.add(root.relativize(file) + ": " + violation);
      }
    }
    assertThat(scanned).as("Java sources found under " + root).isGreaterThan(100);
    assertThat(problems).isEmpty();
  }

  private static List<Path> javaSources(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      // this file names the patterns it looks for
      return files
          .filter(
              f -> f.toString().endsWith(".java") && !f.endsWith("ChildProcessHygieneTest.java"))
          .filter(f -> root.relativize(f).toString().contains("src/"))
          .filter(f -> {
            for (Path part : root.relativize(f)) {
              if (SKIPPED_FOLDERS.contains(part.toString())) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .toList();
    }
  }

  /** The folder of the parent pom (gvgap-parent), found upwards from the working directory. */
  private static Path repositoryRoot() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)
          && Files.readString(pom).contains("<artifactId>gvgap-parent</artifactId>")
          && Files.readString(pom).contains("<modules>")) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no gvgap-parent pom.xml above " + Path.of("").toAbsolutePath());
  }
}
