package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Errors of the command line say what is wrong, where, and what to do (issue 21). */
class CommandLineErrorsTest {

  @TempDir
  Path tmp;

  private static final String SPEC = """
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

  private static InProcessGvgap.Result gvgap(String... args) {
    return InProcessGvgap.run(args);
  }

  private Path latin1(String name, String before, String after) throws IOException {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 1 + tail.length];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xE9;
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    return Files.write(tmp.resolve(name), bytes);
  }

  @Test
  void globalOptionsAreAcceptedAfterTheCommandToo() throws IOException {
    CommandLine cl = Main.commandLine();
    cl.parseArgs(
        "tasks", "show", "arithmetic", "--quiet", "--plugin-path", "a.jar,b.jar", "--verbose");
    GvgapCommand root = cl.getCommand();
    assertThat(root.quiet).isTrue();
    assertThat(root.pluginPath).containsExactly(Path.of("a.jar"), Path.of("b.jar"));

    Path missing = tmp.resolve("nope.jar");
    InProcessGvgap.Result after = gvgap("plugins", "--plugin-path", missing.toString());
    assertThat(after.err()).doesNotContain("Unknown option").contains("nope.jar");
    assertThat(after.code()).isEqualTo(ExitCodes.PLUGINS);
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
    InProcessGvgap.Result run =
        gvgap("run", spec.toString(), "-o", tmp.resolve("run").toString(), "--quiet");
    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
  }

  @Test
  void utilityReportsEveryBadLineWithItsNumberAndScoresTheGoodOnes() throws IOException {
    Path input = tmp.resolve("completions.jsonl");
    Files.write(
        input,
        List.of(
            "{\"id\": \"s0\", \"completion\": \"Answer: 1\"}",
            "not json",
            "{\"id\": \"s1\", \"completion\": \"Answer: 2\"}",
            "PLACEHOLDER",
            "{\"id\": \"s2\"}",
            "{\"id\": \"s3\", \"completion\": \"Answer: 3\"}"));
    // line 4: a completion in Latin-1
    String text = Files.readString(input);
    Path mixed = latin1(
        "mixed.jsonl",
        text.substring(0, text.indexOf("PLACEHOLDER")) + "{\"id\": \"s1\", \"completion\": \"caf",
        "\"}" + text.substring(text.indexOf("PLACEHOLDER") + "PLACEHOLDER".length()));
    Path output = tmp.resolve("scored.jsonl");
    InProcessGvgap.Result r =
        gvgap("utility", "--task", "toy-sums", "-i", mixed.toString(), "-o", output.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(r.err())
        .contains(mixed + ":2: not JSON")
        .contains(mixed + ":4: is not UTF-8 text: column 32 has the byte 0xE9")
        .contains(mixed + ":5: expected a string or number 'id' and a string 'completion'")
        .contains("3 completions scored")
        .contains(mixed + " has 3 bad lines (listed above), not scored")
        .doesNotContain("Input length");
    assertThat(Files.readAllLines(output))
        .hasSize(3)
        .allMatch(line -> line.contains("\"utility\""));
  }

  @Test
  void textThatIsNotUtf8IsNamedWithItsPlaceNeverInputLength() throws IOException {
    Path spec = latin1("latin1.yaml", "name: caf", "\nimprove: {rounds: 1}\n");
    for (String command : List.of("validate", "run", "improve", "scaling")) {
      InProcessGvgap.Result r = gvgap(command, spec.toString());
      assertThat(r.code()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err())
          .as(command)
          .contains("latin1.yaml")
          .contains("not UTF-8 text")
          .doesNotContain("Input length");
    }
    assertThat(gvgap("validate", spec.toString()).err())
        .contains("line 1, column 10 has the byte 0xE9");
    Path input = latin1("prompts.jsonl", "{\"id\": \"1\", \"prompt\": \"caf", "\"}\n");
    InProcessGvgap.Result generate =
        gvgap("generate", tmp.resolve("no-model").toString(), "-i", input.toString());
    assertThat(generate.err()).doesNotContain("Input length");
    Path pairs = latin1(
        "pairs.jsonl", "{\"prompt\": \"1+1=\", \"response\": \"2\"}\n{\"prompt\": \"caf", "\"}\n");
    InProcessGvgap.Result distill = gvgap(
        "distill",
        "--model",
        tmp.resolve("no-model").toString(),
        "--data",
        pairs.toString(),
        "--out",
        tmp.resolve("out").toString());
    assertThat(distill.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(distill.err())
        .contains(pairs + ":2 is not UTF-8 text: column 16 has the byte 0xE9")
        .doesNotContain("Input length");
  }

  @Test
  void aDirectoryGivenAsAFileIsNamed() throws IOException {
    Path directory = Files.createDirectories(tmp.resolve("specs"));
    for (String command : List.of("validate", "run", "improve", "scaling")) {
      InProcessGvgap.Result r = gvgap(command, directory.toString());
      assertThat(r.code()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).as(command).contains(directory + " is a directory, not a file");
    }
    InProcessGvgap.Result distill = gvgap(
        "distill",
        "--model",
        directory.toString(),
        "--data",
        directory.toString(),
        "--out",
        tmp.resolve("out").toString());
    assertThat(distill.err()).contains(directory + " is a directory, not a file");
    InProcessGvgap.Result utility =
        gvgap("utility", "--task", "toy-sums", "-i", directory.toString());
    assertThat(utility.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(utility.err()).contains(directory + " is a directory, not a file");
  }

  @Test
  void outputsThatCannotBeWrittenSayWhyAndWhatToDo() throws IOException {
    Path spec = Files.writeString(tmp.resolve("spec.yaml"), SPEC);
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    InProcessGvgap.Result onAFile = gvgap("--quiet", "run", spec.toString(), "-o", file.toString());
    assertThat(onAFile.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(onAFile.err())
        .contains("cannot create run directory " + file + ": " + file
            + " is a file, not a directory; remove it or choose another path");
    InProcessGvgap.Result below =
        gvgap("--quiet", "run", spec.toString(), "-o", file.resolve("run").toString());
    assertThat(below.err()).contains(file + " is a file, not a directory");

    Path run = tmp.resolve("run");
    assertThat(gvgap("--quiet", "run", spec.toString(), "-o", run.toString()).code())
        .isZero();
    Path reportDirectory = Files.createDirectories(tmp.resolve("report.html"));
    Files.writeString(reportDirectory.resolve("keep"), "x");
    InProcessGvgap.Result report =
        gvgap("report", run.toString(), "-o", reportDirectory.toString());
    assertThat(report.code()).isEqualTo(ExitCodes.FAILED);
    assertThat(report.err())
        .contains("cannot write the report to " + reportDirectory + ": " + reportDirectory
            + " is a directory, not a file");
    InProcessGvgap.Result reportBelowAFile =
        gvgap("report", run.toString(), "-o", file.resolve("r.html").toString());
    assertThat(reportBelowAFile.err()).contains(file + " is a file, not a directory");

    for (String[] args : List.of(
        new String[] {"run", spec.toString(), "-o", ""},
        new String[] {"report", run.toString(), "-o", ""},
        new String[] {"utility", "--task", "toy-sums", "-i", ""})) {
      InProcessGvgap.Result empty = gvgap(args);
      assertThat(empty.code()).as(String.join(" ", args)).isEqualTo(ExitCodes.USAGE);
      assertThat(empty.err()).contains("the path is empty").doesNotContain(" exists");
    }
  }

  @Test
  void jsonErrorsSayTheLineAndColumnWithoutJacksonsRedactedSource() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("damaged"));
    Files.writeString(run.resolve("run.json"), "{bad");
    InProcessGvgap.Result report =
        gvgap("report", run.toString(), "-o", tmp.resolve("r.html").toString());
    assertThat(report.code()).isEqualTo(ExitCodes.RUN_DIRECTORY);
    assertThat(report.err())
        .contains("run.json: not a valid gvgap run.json")
        .contains("at line 1, column 2")
        .doesNotContain("REDACTED")
        .doesNotContain("Source:");
    Path pairs = Files.writeString(tmp.resolve("pairs.jsonl"), "{\"prompt\": \"1+1=\",\n");
    InProcessGvgap.Result distill = gvgap(
        "distill",
        "--model",
        tmp.toString(),
        "--data",
        pairs.toString(),
        "--out",
        tmp.resolve("out").toString());
    assertThat(distill.err()).contains(pairs + ":1 is not valid JSON").doesNotContain("REDACTED");
  }

  @Test
  void aCorruptPluginJarIsNamedInAWarning() throws IOException {
    Path corrupt = Files.writeString(tmp.resolve("corrupt.jar"), "not a jar");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    InProcessGvgap.Result r;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = gvgap("plugins", "--plugin-path", corrupt.toString());
    } finally {
      System.setErr(original);
    }
    assertThat(r.code()).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("Plugin jar " + corrupt + " is not loaded: it cannot be opened as a jar (");
  }

  @Test
  void malformedPluginOptionsAndPortsAreUsageErrorsThatSayTheForm() {
    InProcessGvgap.Result option = gvgap("tasks", "show", "arithmetic", "-O", "digits");
    assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err())
        .contains("-O digits: a plugin option is KEY=VALUE")
        .doesNotContain("GVGAP_DEBUG");
    InProcessGvgap.Result port = gvgap("serve", "--port", "99999", tmp.toString());
    assertThat(port.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(port.err()).contains("--port 99999: a TCP port is between 1 and 65535");
  }
}
