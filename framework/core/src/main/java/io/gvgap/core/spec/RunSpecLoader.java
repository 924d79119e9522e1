package io.gvgap.core.spec;

import io.gvgap.core.input.InputError;
import io.gvgap.core.input.JacksonErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Loads a YAML run spec: parses it keeping each node's position, binds the fixed sections with
 * Jackson ({@link SpecDocument}; unknown keys, ill-typed and out-of-range values are errors at their
 * line), applies their defaults and checks what binding cannot (required names, non-empty lists,
 * the run name, sweeps). Plugin names
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
    SpecDocument document = new SpecBinder(errors, root, studySection).bind();

    String name = document.name() == null
        ? defaultName(file)
        : nonBlank(errors, root, "name", document.name());
    if (!RUN_NAME.matcher(name).matches()) {
      SpecNode where = root.get("name");
      throw errors.at(
          where == null ? root : where,
          "name",
          "the run name '" + name + "' must start with a letter or digit and"
              + " hold only letters, digits, '.', '_' and '-' (it names the run directory); set name: to such a name");
    }
    Path outputPath = document.output() == null
        ? Path.of("runs", name)
        : Path.of(nonBlank(errors, root, "output", document.output()));
    long seed = document.seed() == null ? 0L : document.seed();

    List<SpecEntry> models = new ArrayList<>();
    List<SpecDocument.ModelItem> modelItems = items(
        errors,
        root,
        document.models(),
        "models",
        "backend",
        "a model backend such as onnx",
        "label",
        "backend",
        "options");
    for (int i = 0; i < modelItems.size(); i++) {
      SpecDocument.ModelItem item = modelItems.get(i);
      models.add(entry(
          errors,
          root,
          "models",
          i,
          "backend",
          "a model backend such as onnx",
          item.backend(),
          item.label()));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    List<SpecDocument.TaskItem> taskItems = items(
        errors,
        root,
        document.tasks(),
        "tasks",
        "name",
        "a task name such as gsm8k",
        "name",
        "label",
        "limit",
        "seed",
        "options");
    for (int i = 0; i < taskItems.size(); i++) {
      SpecDocument.TaskItem item = taskItems.get(i);
      SpecEntry entry = entry(
          errors, root, "tasks", i, "name", "a task name such as gsm8k", item.name(), item.label());
      tasks.add(new TaskSpec(
          entry, item.limit() == null ? Integer.MAX_VALUE : item.limit(), item.seed()));
    }
    String verificationModel = document.verification() == null
            || document.verification().model() == null
        ? null
        : nonBlank(errors, root, "verification.model", document.verification().model());
    List<SpecEntry> verifiers = new ArrayList<>();
    List<SpecDocument.VerifierItem> verifierItems = items(
        errors,
        root,
        document.verifiers(),
        "verifiers",
        "name",
        "a verifier name such as cot-score",
        "name",
        "label",
        "options");
    for (int i = 0; i < verifierItems.size(); i++) {
      SpecDocument.VerifierItem item = verifierItems.get(i);
      verifiers.add(entry(
          errors,
          root,
          "verifiers",
          i,
          "name",
          "a verifier name such as cot-score",
          item.name(),
          item.label()));
    }
    List<SpecEntry> filters = new ArrayList<>();
    List<SpecDocument.FilterItem> filterItems = items(
        errors,
        root,
        document.filters(),
        "filters",
        "name",
        "a filter name such as quantile",
        "name",
        "label",
        "options",
        "sweep");
    for (int i = 0; i < filterItems.size(); i++) {
      SpecDocument.FilterItem item = filterItems.get(i);
      SpecEntry filter = entry(
          errors,
          root,
          "filters",
          i,
          "name",
          "a filter name such as quantile",
          item.name(),
          item.label());
      checkSweep(errors, filter);
      filters.add(filter);
    }
    return new RunSpec(
        file,
        root,
        name,
        outputPath,
        seed,
        models,
        tasks,
        document.generation(),
        verificationModel,
        verifiers,
        filters,
        document.metrics());
  }

  private static String defaultName(Path file) {
    Path fileName = file.getFileName();
    String base = fileName == null ? "run" : fileName.toString();
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  /** A string the spec gives, which must not be blank. */
  private static String nonBlank(SpecErrors errors, SpecNode root, String fieldPath, String value) {
    if (value.isBlank()) {
      SpecNode node = fieldPath.equals("verification.model")
          ? root.get("verification").get("model")
          : root.get(fieldPath);
      throw errors.at(
          node, fieldPath, "expected a non-empty string, was " + SpecBinder.describe(node));
    }
    return value;
  }

  /** A bound list of entries, which must be given and not be empty, and none of whose items may be empty. */
  private static <T> List<T> items(
      SpecErrors errors,
      SpecNode root,
      List<T> items,
      String key,
      String nameKey,
      String nameWhat,
      String... allowed) {
    if (items == null) {
      SpecNode emptyValue = root.get(key);
      String what = "give at least one " + key.replaceAll("s$", "") + " (each item like '- "
          + nameKey + ": " + nameWhat.replaceAll(".* such as ", "") + "')";
      throw emptyValue == null
          ? errors.at(null, key, "missing required key '" + key + "'; " + what)
          : errors.atKey(emptyValue, key, "'" + key + "' is empty; " + what);
    }
    SpecNode list = root.get(key);
    if (items.isEmpty()) {
      throw errors.at(
          list,
          key,
          "expected a non-empty list of " + key + " (items start with '- " + nameKey
              + ": ...'), was " + SpecBinder.describe(list));
    }
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) == null) {
        throw errors.at(
            list.items().get(i),
            key + "[" + i + "]",
            "expected a mapping with keys " + String.join(", ", allowed) + ", was "
                + SpecBinder.describe(list.items().get(i)));
      }
    }
    return items;
  }

  /** One item's entry: its provider name is required and not blank; its options, when given, are a mapping. */
  private static SpecEntry entry(
      SpecErrors errors,
      SpecNode root,
      String key,
      int index,
      String nameKey,
      String nameWhat,
      String name,
      String label) {
    SpecNode item = root.get(key).items().get(index);
    String path = key + "[" + index + "]";
    if (name == null) {
      throw errors.at(
          item, path + "." + nameKey, "missing required key '" + nameKey + "' (" + nameWhat + ")");
    }
    if (name.isBlank()) {
      throw errors.at(
          item.get(nameKey),
          path + "." + nameKey,
          "expected a non-empty string, was " + SpecBinder.describe(item.get(nameKey)));
    }
    if (label != null && label.isBlank()) {
      throw errors.at(
          item.get("label"),
          path + ".label",
          "expected a non-empty string, was " + SpecBinder.describe(item.get("label")));
    }
    SpecNode options = item.get("options");
    if (options != null && !options.isNull() && options.kind() != SpecNode.Kind.MAPPING) {
      throw errors.at(
          options,
          path + ".options",
          "expected a mapping of option names to values, such as {shots: 4}, was "
              + SpecBinder.describe(options));
    }
    return new SpecEntry(path, item, name, label);
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
              + SpecBinder.describe(sweep));
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
                + ": [0.1, 0.25, 0.5], was " + SpecBinder.describe(values));
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
}
