package io.gvgap.core.spec;

import io.gvgap.core.input.InputError;
import io.gvgap.core.input.JacksonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a YAML run spec: parses it keeping each node's position, rejects unknown keys and
 * ill-typed or out-of-range values of the fixed sections, and applies their defaults. Plugin names
 * and options are checked later by {@link RunSpecResolver}, which needs the plugins.
 *
 * <p>The schema (all keys snake_case; an unknown key is an error):
 * <pre>
 * name, output, seed,
 * models: [{label, backend, options}], tasks: [{name, label, limit, seed, options}],
 * generation: {samples, temperature, top_p, top_k, max_tokens, batch_examples},
 * verification: {model}, verifiers: [{name, label, options}],
 * filters: [{name, label, options, sweep}], metrics: {bootstrap, confidence, pass_at_k, empty_kept}
 * </pre>
 */
public final class RunSpecLoader {
  private static final Pattern RUN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final String[] TOP_LEVEL = {
    "name",
    "output",
    "seed",
    "models",
    "tasks",
    "generation",
    "verification",
    "verifiers",
    "filters",
    "metrics"
  };

  private RunSpecLoader() {}

  /**
   * Reads and checks a spec file.
   *
   * @throws SpecException with file, line, column and field path when the spec is invalid or unreadable
   */
  public static RunSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      InputError error = JacksonErrors.unreadable(file, e);
      throw new SpecException(
          file, 1, 1, "", error.problem().replace("the file ", "the spec file "), e);
    }
    return parse(file, text);
  }

  /**
   * Checks spec text as if it were the content of {@code file} (which names the run by default and
   * appears in error messages; it is not read).
   */
  public static RunSpec parse(Path file, String text) {
    return parse(file, text, null);
  }

  /**
   * Checks the run part of a study spec: like {@link #parse(Path, String)}, but the top-level key
   * {@code studySection} ({@code improve}, {@code scaling}) is allowed too and left to the study's
   * loader, which finds it in {@link RunSpec#root()}.
   */
  public static RunSpec parse(Path file, String text, String studySection) {
    SpecErrors errors = new SpecErrors(file);
    SpecNode root = new YamlTreeReader(file).read(text);
    if (root == null || root.isNull()) {
      throw new SpecException(
          file,
          1,
          1,
          "",
          "the spec is empty; it needs at least the keys models, tasks, verifiers" + " and filters",
          null);
    }
    String[] allowed = TOP_LEVEL;
    if (studySection != null) {
      allowed = Arrays.copyOf(TOP_LEVEL, TOP_LEVEL.length + 1);
      allowed[TOP_LEVEL.length] = studySection;
    }
    SectionReader top = new SectionReader(errors, root, "", allowed);

    String name = top.optionalString("name", defaultName(file));
    if (!RUN_NAME.matcher(name).matches()) {
      SpecNode where = top.get("name");
      throw errors.at(
          where == null ? root : where,
          "name",
          "the run name '" + name + "' must start with a letter or digit and"
              + " hold only letters, digits, '.', '_' and '-' (it names the run directory); set name: to such a name");
    }
    String output = top.optionalString("output", null);
    Path outputPath = output == null ? Path.of("runs", name) : Path.of(output);
    long seed = top.optionalLong("seed", 0L);

    List<SpecEntry> models = entries(
        errors,
        top,
        "models",
        "backend",
        "a model backend such as onnx",
        "label",
        "backend",
        "options");
    List<TaskSpec> tasks = new ArrayList<>();
    for (SpecEntry entry : entries(
        errors,
        top,
        "tasks",
        "name",
        "a task name such as gsm8k",
        "name",
        "label",
        "limit",
        "seed",
        "options")) {
      SectionReader item = new SectionReader(
          errors, entry.node(), entry.path(), "name", "label", "limit", "seed", "options");
      tasks.add(new TaskSpec(
          entry,
          item.optionalInt("limit", Integer.MAX_VALUE, 1, Integer.MAX_VALUE),
          item.optionalLong("seed", null)));
    }

    GenerationSettings generation = generation(errors, top);
    String verificationModel = null;
    SpecNode verification = top.get("verification");
    if (verification != null) {
      verificationModel = new SectionReader(errors, verification, "verification", "model")
          .optionalString("model", null);
    }
    List<SpecEntry> verifiers = entries(
        errors,
        top,
        "verifiers",
        "name",
        "a verifier name such as cot-score",
        "name",
        "label",
        "options");
    List<SpecEntry> filters = entries(
        errors,
        top,
        "filters",
        "name",
        "a filter name such as quantile",
        "name",
        "label",
        "options",
        "sweep");
    for (SpecEntry filter : filters) {
      checkSweep(errors, filter);
    }
    MetricsSettingsSpec metrics = metrics(errors, top);
    return new RunSpec(
        file,
        root,
        name,
        outputPath,
        seed,
        models,
        tasks,
        generation,
        verificationModel,
        verifiers,
        filters,
        metrics);
  }

  private static String defaultName(Path file) {
    Path fileName = file.getFileName();
    String base = fileName == null ? "run" : fileName.toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  private static List<SpecEntry> entries(
      SpecErrors errors,
      SectionReader top,
      String key,
      String nameKey,
      String nameWhat,
      String... allowed) {
    SpecNode list = top.get(key);
    if (list == null) {
      SpecNode emptyValue = top.raw(key);
      String what = "give at least one " + key.replaceAll("s$", "") + " (each item like '- "
          + nameKey + ": " + nameWhat.replaceAll(".* such as ", "") + "')";
      throw emptyValue == null
          ? errors.at(null, key, "missing required key '" + key + "'; " + what)
          : errors.atKey(emptyValue, key, "'" + key + "' is empty; " + what);
    }
    if (list.kind() != SpecNode.Kind.SEQUENCE || list.items().isEmpty()) {
      throw errors.at(
          list,
          key,
          "expected a non-empty list of " + key + " (items start with '- " + nameKey
              + ": ...'), was " + SectionReader.describe(list));
    }
    List<SpecEntry> entries = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      SpecNode item = list.items().get(i);
      String path = key + "[" + i + "]";
      SectionReader reader = new SectionReader(errors, item, path, allowed);
      String name = reader.requiredString(nameKey, nameWhat);
      String label = reader.optionalString("label", null);
      SpecNode options = reader.get("options");
      if (options != null && options.kind() != SpecNode.Kind.MAPPING) {
        throw errors.at(
            options,
            path + ".options",
            "expected a mapping of option names to values, such as {shots: 4}, was "
                + SectionReader.describe(options));
      }
      entries.add(new SpecEntry(path, item, name, label));
    }
    return List.copyOf(entries);
  }

  private static void checkSweep(SpecErrors errors, SpecEntry filter) {
    SpecNode sweep = filter.node().get("sweep");
    if (sweep == null || sweep.isNull()) {
      return;
    }
    String path = filter.path() + ".sweep";
    if (sweep.kind() != SpecNode.Kind.MAPPING || sweep.entries().isEmpty()) {
      throw errors.at(
          sweep,
          path,
          "expected a mapping of option names to lists of values, such as {alpha: [0.1, 0.25]}, was "
              + SectionReader.describe(sweep));
    }
    SpecNode options = filter.options();
    for (Map.Entry<String, SpecNode> entry : sweep.entries().entrySet()) {
      String keyPath = path + "." + entry.getKey();
      SpecNode values = entry.getValue();
      if (values.kind() != SpecNode.Kind.SEQUENCE || values.items().isEmpty()) {
        throw errors.at(
            values,
            keyPath,
            "a sweep gives a non-empty list of values, such as " + entry.getKey()
                + ": [0.1, 0.25, 0.5], was " + SectionReader.describe(values));
      }
      if (options != null && options.get(entry.getKey()) != null) {
        throw errors.atKey(
            values,
            keyPath,
            "'" + entry.getKey() + "' is given both in options (line "
                + options.get(entry.getKey()).keyLine() + ") and in sweep; keep it in one of them");
      }
    }
  }

  private static GenerationSettings generation(SpecErrors errors, SectionReader top) {
    SpecNode node = top.get("generation");
    if (node == null) {
      return GenerationSettings.DEFAULTS;
    }
    GenerationSettings d = GenerationSettings.DEFAULTS;
    SectionReader section = new SectionReader(
        errors,
        node,
        "generation",
        "samples",
        "temperature",
        "top_p",
        "top_k",
        "max_tokens",
        "batch_examples");
    return new GenerationSettings(
        section.optionalInt("samples", d.samples(), 1, Integer.MAX_VALUE),
        section.optionalDouble(
            "temperature", d.temperature(), 0, true, Double.POSITIVE_INFINITY, false),
        section.optionalDouble("top_p", d.topP(), 0, false, 1, true),
        section.optionalInt("top_k", d.topK(), 0, Integer.MAX_VALUE),
        section.optionalInt("max_tokens", d.maxTokens(), 1, Integer.MAX_VALUE),
        section.optionalInt("batch_examples", d.batchExamples(), 1, Integer.MAX_VALUE));
  }

  private static MetricsSettingsSpec metrics(SpecErrors errors, SectionReader top) {
    SpecNode node = top.get("metrics");
    if (node == null) {
      return MetricsSettingsSpec.DEFAULTS;
    }
    MetricsSettingsSpec d = MetricsSettingsSpec.DEFAULTS;
    SectionReader section = new SectionReader(
        errors, node, "metrics", "bootstrap", "confidence", "pass_at_k", "empty_kept");
    return new MetricsSettingsSpec(
        section.optionalInt("bootstrap", d.bootstrap(), 1, Integer.MAX_VALUE),
        section.optionalDouble("confidence", d.confidence(), 0, false, 1, false),
        section.optionalIntList("pass_at_k", d.passAtK(), 1),
        section.optionalChoice("empty_kept", d.emptyKept(), List.of("fallback", "exclude")));
  }
}
