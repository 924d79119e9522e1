package io.gvgap.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces that the run-directory model ({@code io.gvgap.core.store}: {@link RunStore},
 * {@link RunDirectory}, {@link RunRecords}) is the only code that parses a run directory's files.
 * Scans the main sources of every module of the build, comments removed, for the ways a class could
 * read them on its own: the store's JSON Lines reader, a path to one of the run's files built from
 * the store's file-name constants or from the names themselves, and Jackson binding of the run's
 * record types.
 */
class RunDirectoryReadersTest {

  /** The model's package in gvgap-core, the only sources allowed to parse the files. */
  private static final String MODEL_PACKAGE = "framework/core/src/main/java/io/gvgap/core/store/";

  private static final String FILE_CONSTANTS =
      "RUN_JSON|SPEC_JSON|SPEC_SOURCE|PLUGINS_JSON|EXAMPLES|SAMPLES|SCORES|WEIGHTS|METRICS_JSON";
  private static final String FILE_NAMES =
      "run\\.json|spec\\.json|spec-source\\.yaml|plugins\\.json|examples\\.jsonl"
          + "|samples\\.jsonl|scores\\.jsonl|weights\\.jsonl|metrics\\.json";

  /** Ways of reaching a run file's contents outside the model, each with what it means. */
  private static final List<Rule> RULES = List.of(
      new Rule(
          "uses the store's JSON Lines reader",
          Pattern.compile(
              "io\\.gvgap\\.core\\.store\\.(JsonLinesReader|\\*)|\\bJsonLinesReader\\s*\\.\\s*read\\s*\\(")),
      new Rule(
          "builds a path to a run file from the store's constants",
          Pattern.compile("(resolve|of|get)\\s*\\((?:[^;()]|\\([^;()]*\\))*\\bRunStore\\s*\\.\\s*("
              + FILE_CONSTANTS + ")\\b")),
      new Rule(
          "statically imports the store's file names",
          Pattern.compile("import\\s+static\\s+io\\.gvgap\\.core\\.store\\.RunStore\\.")),
      new Rule(
          "builds a path to a run file from its name",
          Pattern.compile("(resolve|of|get|File)\\s*\\(\\s*\"(" + FILE_NAMES + ")\"|\"/("
              + FILE_NAMES + ")\"")),
      new Rule(
          "binds a run record type with Jackson",
          Pattern.compile(
              "\\b(SampleRecord|ScoreRecord|ExampleRecord|WeightRecord|RunInfo|RunMetrics)\\s*\\.\\s*class\\b")));

  private record Rule(String meaning, Pattern pattern) {}

  @Test
  void noClassOutsideTheRunDirectoryModelParsesTheRunDirectorysFiles() {
    Path root = repositoryRoot();
    List<Path> sources = mainSources(root);
    // the scan sees the whole build, not a corner of it
    assertThat(sources).hasSizeGreaterThan(300);
    assertThat(sources)
        .anyMatch(p -> p.toString().contains("reports" + java.io.File.separator + "src"));
    assertThat(sources)
        .anyMatch(p -> p.toString().contains("studies" + java.io.File.separator + "src"));
    List<String> violations = new ArrayList<>();
    for (Path source : sources) {
      if (root.relativize(source).toString().replace('\\', '/').startsWith(MODEL_PACKAGE)) {
        continue;
      }
      violations.addAll(violations(root.relativize(source).toString(), read(source)));
    }
    assertThat(violations)
        .as(
            "classes outside %s that read a run directory's files themselves; read through"
                + " RunDirectory / RunRecords instead",
            MODEL_PACKAGE)
        .isEmpty();
  }

  @Test
  void theScanFindsEachWayOfReadingAndIgnoresCommentsAndMessages() {
    assertThat(violations("A.java", "import io.gvgap.core.store.JsonLinesReader;"))
        .hasSize(1);
    assertThat(violations("A.java", "JsonLinesReader.read(f, X.class, l::add);"))
        .hasSize(1);
    assertThat(violations("A.java", "Path p = dir.resolve(RunStore.SAMPLES);")).hasSize(1);
    assertThat(violations("A.java", "Path p = dir\n    .resolve(RunStore.WEIGHTS);"))
        .hasSize(1);
    assertThat(violations("A.java", "Path.of(dir.toString(), RunStore.SCORES)")).hasSize(1);
    assertThat(violations("A.java", "Files.readString(dir.resolve(\"metrics.json\"));"))
        .hasSize(1);
    assertThat(violations("A.java", "new File(dir + \"/scores.jsonl\")")).hasSize(1);
    assertThat(violations("A.java", "mapper.readValue(file, RunMetrics.class)")).hasSize(1);
    assertThat(violations("A.java", "import static io.gvgap.core.store.RunStore.SAMPLES;"))
        .hasSize(1);
    // a task's own JSON Lines reader, file names in messages, and comments are not reading a run
    assertThat(violations(
            "A.java",
            "import io.gvgap.tasks.common.JsonLinesReader;\n"
                + "new JsonLinesReader(\"gsm8k\", FORMAT).read(options.data());"))
        .isEmpty();
    assertThat(violations(
            "A.java",
            "throw new X(\"metrics.json is missing; \" + RunStore.SPEC_JSON + \" differs\");"))
        .isEmpty();
    assertThat(violations(
            "A.java", "throw new X(dir.resolve(file) + \" is not in its \" + RunStore.EXAMPLES);"))
        .isEmpty();
    assertThat(
            violations("A.java", "// dir.resolve(RunStore.SAMPLES)\n/* RunMetrics.class */ int x;"))
        .isEmpty();
  }

  private static List<String> violations(String file, String source) {
    String code = withoutComments(source);
    List<String> found = new ArrayList<>();
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(code);
      while (m.find()) {
        int line = 1
            + (int) code.substring(0, m.start()).chars().filter(c -> c == '\n').count();
        found.add(
            file + ":" + line + " " + rule.meaning() + ": " + m.group().replaceAll("\\s+", " "));
      }
    }
    return found;
  }

  /** The source with comments blanked out (line breaks kept, string literals left alone). */
  static String withoutComments(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < source.length() && source.charAt(end) != c) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        end = Math.min(end + 1, source.length());
        out.append(source, i, end);
        i = end;
      } else if (source.startsWith("//", i)) {
        while (i < source.length() && source.charAt(i) != '\n') {
          i++;
        }
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        end = end < 0 ? source.length() : end + 2;
        source.substring(i, end).chars().filter(ch -> ch == '\n').forEach(ch -> out.append('\n'));
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The directory of the build's parent pom: the first ancestor with {@code framework/core/pom.xml}. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("framework/core/pom.xml"))) {
      dir = dir.getParent();
    }
    assertThat(dir)
        .as("the repository root above %s", Path.of("").toAbsolutePath())
        .isNotNull();
    return dir;
  }

  /** Every {@code .java} file under a {@code src/main/java} folder of the build. */
  private static List<Path> mainSources(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(p -> !root.relativize(p)
              .toString()
              .replace('\\', '/')
              .matches("(.*/)?(target|node_modules|\\.git)/.*"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + root, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
