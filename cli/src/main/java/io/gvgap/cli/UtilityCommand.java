package io.gvgap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.Provider;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.store.Json;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
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
@Command(name = "utility", mixinStandardHelpOptions = true,
    description = {"Score completions with a task's answer extraction and ground-truth utility.",
        "Input: JSON Lines {\"id\": EXAMPLE_ID, \"completion\": TEXT}.",
        "Output: JSON Lines {id, answer, extracted, utility}; the summary goes to standard error.",
        "Unknown ids are reported and make the command fail after scoring the rest."})
final class UtilityCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--task", required = true, description = "The task's name.")
  String taskName;

  @Option(names = "--data", paramLabel = "FILE", description = "Shortcut for -O data=FILE.")
  Path data;

  @Option(names = {"-O", "--option"}, paramLabel = "KEY=VALUE", description = "A task option, as in a spec (repeatable).")
  List<String> options = new ArrayList<>();

  @Option(names = "--seed", defaultValue = "0", description = "Seed of generated tasks' examples (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "Completions (JSON Lines; - for stdin).")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Output file (default: standard output).")
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
    Task task = registry.tasks().create(taskName, CommandLineOptions.bind(provider.optionsType(), pairs));
    Map<String, Example> byId = new HashMap<>();
    for (Example e : task.examples(new ExampleRequest(Integer.MAX_VALUE, seed))) {
      byId.put(e.id(), e);
    }
    PrintWriter err = spec.root().commandLine().getErr();
    int scored = 0;
    int extracted = 0;
    double total = 0;
    List<String> unknown = new ArrayList<>();
    try (Reader r = IoFiles.reader(input); BufferedReader in = new BufferedReader(r); Writer out = IoFiles.writer(output)) {
      String line;
      int lineNumber = 0;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Json.mapper().readTree(line);
        } catch (Exception e) {
          throw new IllegalArgumentException(IoFiles.name(input) + ":" + lineNumber + ": not JSON; expected {\"id\": ..., \"completion\": ...}");
        }
        if (!node.path("id").isValueNode() || !node.path("completion").isTextual()) {
          throw new IllegalArgumentException(IoFiles.name(input) + ":" + lineNumber
              + ": expected a string or number 'id' and a string 'completion'");
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
    err.printf(Locale.ROOT, "gvgap utility: %d completions scored, mean utility %.4f, answer extracted from %d (%.1f%%)%n",
        scored, scored == 0 ? Double.NaN : total / scored, extracted, scored == 0 ? 0.0 : 100.0 * extracted / scored);
    if (!unknown.isEmpty()) {
      err.printf("gvgap utility: %d completions name ids that task '%s' does not have: %s%n", unknown.size(), taskName,
          unknown.size() > 20 ? String.join(", ", unknown.subList(0, 20)) + ", ..." : String.join(", ", unknown));
      err.flush();
      return ExitCodes.FAILED;
    }
    err.flush();
    return ExitCodes.OK;
  }
}
