package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's exit-code table is the one {@link ExitCodes} holds and {@code gvgap --help} prints, and
 * every case below exits with the code the table gives it, run through the real command line.
 */
class ExitCodesTest {

  private static final Pattern ROW = Pattern.compile("^\\| (\\d+) \\| (.+) \\|$");

  @TempDir
  static Path tmp;

  private static final String GOOD = """
      name: toy
      models:
        - backend: scripted
      tasks:
        - name: toy-sums
          limit: 4
      generation: {samples: 2, batch_examples: 4}
      verifiers:
        - name: oracle
      filters:
        - name: best-of-n
      metrics: {bootstrap: 10, pass_at_k: [1]}
      """;

  private static Path goodSpec;
  private static Path otherSpec;
  private static Path unknownVerifierSpec;
  private static Path outOfRangeSpec;
  private static Path finishedRun;
  private static Path aFile;
  private static Path badLines;
  private static Path notUtf8;

  @BeforeAll
  static void files() throws IOException {
    goodSpec = Files.writeString(tmp.resolve("good.yaml"), GOOD);
    otherSpec =
        Files.writeString(tmp.resolve("other.yaml"), GOOD.replace("samples: 2", "samples: 3"));
    unknownVerifierSpec = Files.writeString(
        tmp.resolve("unknown.yaml"), GOOD.replace("name: oracle", "name: oracel"));
    outOfRangeSpec =
        Files.writeString(tmp.resolve("range.yaml"), GOOD.replace("samples: 2", "samples: 0"));
    finishedRun = tmp.resolve("finished");
    assertThat(gvgap("--quiet", "run", goodSpec.toString(), "-o", finishedRun.toString())
            .code())
        .isZero();
    aFile = Files.writeString(tmp.resolve("a-file"), "x");
    badLines = Files.writeString(
        tmp.resolve("bad.jsonl"), "{\"id\": \"1\", \"completion\": \"2\"}\nnot json\n");
    notUtf8 = Files.write(
        tmp.resolve("latin1.jsonl"), new byte[] {'{', '"', (byte) 0xE9, '"', '}', '\n'});
  }

  private static InProcessGvgap.Result gvgap(String... args) {
    return InProcessGvgap.run(args);
  }

  /** Each case: what it is, the expected code, and the command line (SPEC:x is tmp/x.yaml, FILE:x is tmp/x). */
  static Stream<Arguments> cases() {
    return Stream.of(
        exits(ExitCodes.OK, "plugins", "plugins"),
        exits(ExitCodes.OK, "a valid spec", "validate", "SPEC:good"),
        exits(
            ExitCodes.FAILED,
            "utility input with a bad line",
            "utility",
            "--task",
            "toy-sums",
            "-i",
            "FILE:bad.jsonl"),
        exits(
            ExitCodes.FAILED,
            "utility input that is not UTF-8",
            "utility",
            "--task",
            "toy-sums",
            "-i",
            "FILE:latin1.jsonl"),
        exits(ExitCodes.USAGE, "unknown command", "runn"),
        exits(ExitCodes.USAGE, "unknown option", "plugins", "--nope"),
        exits(ExitCodes.USAGE, "malformed -O", "tasks", "show", "arithmetic", "-O", "digits"),
        exits(
            ExitCodes.USAGE,
            "-O with an unknown key",
            "tasks",
            "show",
            "arithmetic",
            "-O",
            "digitz=3"),
        exits(ExitCodes.USAGE, "port out of range", "serve", "--port", "99999", "FILE:a-file"),
        exits(ExitCodes.USAGE, "not a number", "tasks", "show", "arithmetic", "-n", "three"),
        exits(ExitCodes.USAGE, "empty output path", "run", "SPEC:good", "-o", ""),
        exits(ExitCodes.USAGE, "no samples", "generate", "FILE:a-file", "-n", "0"),
        exits(
            ExitCodes.USAGE,
            "negative temperature",
            "generate",
            "FILE:a-file",
            "--temperature",
            "-1"),
        exits(ExitCodes.USAGE, "negative threads", "generate", "FILE:a-file", "--threads", "-3"),
        exits(ExitCodes.USAGE, "unknown device", "score", "FILE:a-file", "--device", "tpu"),
        exits(ExitCodes.USAGE, "no examples to show", "tasks", "show", "arithmetic", "-n", "0"),
        exits(ExitCodes.USAGE, "unknown family member", "models", "pretrain", "no-such-member"),
        exits(
            ExitCodes.USAGE,
            "missing input file",
            "utility",
            "--task",
            "toy-sums",
            "-i",
            "FILE:no-such.jsonl"),
        exits(ExitCodes.USAGE, "missing spec file", "validate", "FILE:no-such.yaml"),
        exits(ExitCodes.USAGE, "spec value out of range", "validate", "SPEC:range"),
        exits(
            ExitCodes.PLUGINS, "unknown task on the command line", "tasks", "show", "no-such-task"),
        exits(
            ExitCodes.PLUGINS,
            "unknown task for utility",
            "utility",
            "--task",
            "no-such-task",
            "-i",
            "FILE:bad.jsonl"),
        exits(
            ExitCodes.PLUGINS, "unknown verifier in a spec (validate)", "validate", "SPEC:unknown"),
        exits(
            ExitCodes.PLUGINS,
            "unknown verifier in a spec (run)",
            "--quiet",
            "run",
            "SPEC:unknown",
            "-o",
            "FILE:never"),
        exits(
            ExitCodes.PLUGINS,
            "missing plugin path",
            "--plugin-path",
            "FILE:no-such.jar",
            "plugins"),
        exits(
            ExitCodes.RUN_DIRECTORY,
            "run directory of another spec",
            "--quiet",
            "run",
            "SPEC:other",
            "-o",
            "FILE:finished"),
        exits(
            ExitCodes.RUN_DIRECTORY,
            "run directory where a file is",
            "--quiet",
            "run",
            "SPEC:good",
            "-o",
            "FILE:a-file/run"),
        exits(
            ExitCodes.RUN_DIRECTORY,
            "report of a directory that is not a run",
            "report",
            "FILE:",
            "-o",
            "FILE:r.html"));
  }

  private static Arguments exits(int code, String what, String... args) {
    return Arguments.of(what, code, args);
  }

  @ParameterizedTest(name = "{0} exits {1}")
  @MethodSource("cases")
  void eachCaseExitsWithTheCodeOfTheTable(String what, int expected, String[] args) {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i].startsWith("SPEC:")
          ? tmp.resolve(args[i].substring(5) + ".yaml").toString()
          : args[i].startsWith("FILE:") ? tmp.resolve(args[i].substring(5)).toString() : args[i];
    }
    InProcessGvgap.Result r = gvgap(resolved);
    assertThat(readmeTable()).containsKey(expected);
    assertThat(r.code()).as(what + ": " + r.err()).isEqualTo(expected);
    if (expected != ExitCodes.OK) {
      assertThat(r.err()).as(what).startsWith("gvgap").doesNotContain("Exception", "Input length");
    }
  }

  @Test
  void everyCodeOfTheTableHasACase() {
    TreeSet<Integer> covered = new TreeSet<>();
    cases().forEach(a -> covered.add((Integer) a.get()[1]));
    assertThat(covered).containsExactlyElementsOf(ExitCodes.meanings().keySet());
  }

  @Test
  void theReadmeTableIsTheCodesTable() throws IOException {
    assertThat(readmeTable()).containsExactlyEntriesOf(ExitCodes.meanings());
  }

  @Test
  void helpEndsWithTheSameTable() {
    InProcessGvgap.Result r = gvgap("--help");
    String help = r.out().replaceAll("\\s+", " ");
    for (Map.Entry<Integer, String> code : ExitCodes.meanings().entrySet()) {
      assertThat(help).contains(" " + code.getKey() + " " + code.getValue());
    }
  }

  /** The rows of the README's "Exit codes" table: code to meaning. */
  private static Map<Integer, String> readmeTable() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read ../README.md from " + Path.of("").toAbsolutePath(), e);
    }
    Map<Integer, String> table = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("#")) {
        inSection = line.equals("### Exit codes");
        continue;
      }
      Matcher row = ROW.matcher(line);
      if (inSection && row.matches()) {
        table.put(Integer.parseInt(row.group(1)), row.group(2));
      }
    }
    assertThat(table).as("the README's '### Exit codes' table").isNotEmpty();
    return table;
  }
}
