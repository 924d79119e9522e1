package io.gvgap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.Provider;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.core.files.Utf8LineReader;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.store.Json;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gvgap utility}: scores completions made anywhere with a task's answer extraction and
 * utility, so outputs generated elsewhere can be re-scored.
 */
@Command(
    name = "utility",
    mixinStandardHelpOptions = true,
    description = {
      "Score completions with a task's answer extraction and ground-truth utility.",
      "Input: JSON Lines {\"id\": EXAMPLE_ID, \"completion\": TEXT}.",
      "Output: JSON Lines {id, answer, extracted, utility}; the summary goes to standard error.",
      "Bad lines (with their numbers) and unknown ids are reported and make the command fail after scoring the rest."
    })
final class UtilityCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--task", required = true, description = "The task's name.")
  String taskName;

  @Option(names = "--data", paramLabel = "FILE", description = "Shortcut for -O data=FILE.")
  Path data;

  @Option(
      names = {"-O", "--option"},
      paramLabel = "KEY=VALUE",
      description = "A task option, as in a spec (repeatable).")
  List<String> options = new ArrayList<>();

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed of generated tasks' examples (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Completions (JSON Lines; - for stdin).")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Output file (default: standard output).")
  Path output;

  @Override
  public Integer call() throws Exception {
    GvgapCommand root = (GvgapCommand) spec.root().userObject();
    PluginRegistry registry = root.registry();
    Provider<?, Task> provider = registry.tasks().forName(taskName);
    List<String> pairs = new ArrayList<>(options);
    if (data != null) {
      pairs.add("data=" + data);
    }
    Task task =
        registry.tasks().create(taskName, CommandLineOptions.bind(provider.optionsType(), pairs));
    Map<String, Example> byId = new HashMap<>();
    for (Example e : task.examples(new ExampleRequest(Integer.MAX_VALUE, seed))) {
      byId.put(e.id(), e);
    }
    PrintWriter err = spec.root().commandLine().getErr();
    int scored = 0;
    int extracted = 0;
    double total = 0;
    List<String> unknown = new ArrayList<>();
    int badLines = 0;
    String source = IoFiles.name(input);
    try (Utf8LineReader in = new Utf8LineReader(IoFiles.stream(input), source);
        Writer out = IoFiles.writer(output)) {
      while (true) {
        String line;
        try {
          line = in.readLine();
        } catch (FileSystemException notUtf8) {
          // a bad line is reported with its number; the lines after it are still scored
          err.println("gvgap utility: " + notUtf8.getFile() + ": " + notUtf8.getReason());
          badLines++;
          continue;
        }
        if (line == null) {
          break;
        }
        int lineNumber = in.lineNumber();
        if (line.isBlank()) {
          continue;
        }
        String problem = null;
        JsonNode node = null;
        try {
          node = Json.mapper().readTree(line);
        } catch (Exception e) {
          problem = "not JSON";
        }
        if (problem == null
            && (node == null
                || !node.path("id").isValueNode()
                || node.path("id").isNull()
                || !node.path("completion").isTextual())) {
          problem = "expected a string or number 'id' and a string 'completion'";
        }
        if (problem != null) {
          err.println("gvgap utility: " + source + ":" + lineNumber + ": " + problem
              + "; each line is {\"id\": EXAMPLE_ID, \"completion\": TEXT}");
          badLines++;
          continue;
        }
        String id = node.get("id").asText();
        Example example = byId.get(id);
        if (example == null) {
          unknown.add(id + " (line " + lineNumber + ")");
          continue;
        }
        Answer answer = task.extract(example, node.get("completion").asText());
        double utility = task.utility(example, answer);
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("id", id);
        result.put("answer", answer.value());
        result.put("extracted", answer.found());
        result.put("utility", utility);
        out.write(Json.mapper().writeValueAsString(result));
        out.write('\n');
        scored++;
        extracted += answer.found() ? 1 : 0;
        total += utility;
      }
      out.flush();
    }
    err.printf(
        Locale.ROOT,
        "gvgap utility: %d completions scored, mean utility %.4f, answer extracted from %d (%.1f%%)%n",
        scored,
        scored == 0 ? Double.NaN : total / scored,
        extracted,
        scored == 0 ? 0.0 : 100.0 * extracted / scored);
    if (badLines > 0) {
      err.printf(
          "gvgap utility: %s has %s (listed above), not scored; fix %s and run again%n",
          source,
          badLines == 1 ? "1 bad line" : badLines + " bad lines",
          badLines == 1 ? "it" : "them");
    }
    if (!unknown.isEmpty()) {
      err.printf(
          "gvgap utility: %d completions name ids that task '%s' does not have: %s%n",
          unknown.size(),
          taskName,
          unknown.size() > 20
              ? String.join(", ", unknown.subList(0, 20)) + ", ..."
              : String.join(", ", unknown));
    }
    err.flush();
    if (badLines > 0 || !unknown.isEmpty()) {
      return ExitCodes.FAILED;
    }
    return ExitCodes.OK;
  }
}
