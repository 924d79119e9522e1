package io.gvgap.core.spec;

import io.gvgap.core.options.OptionKeys;
import io.gvgap.core.options.OptionsBinder;
import io.gvgap.core.options.OptionsException;
import io.gvgap.core.registry.NearestName;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.ProviderCatalog;
import io.gvgap.core.registry.UnknownProviderException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a loaded {@link RunSpec} into a {@link ResolvedRunSpec}: checks every provider name against
 * the registry, binds every options map to its provider's record, expands filter sweeps, applies
 * default labels and seeds, and checks what spans sections (unique labels, pass@k within the
 * sample count, the verification model). Every error names the spec file, line and field.
 */
public final class RunSpecResolver {
  private final PluginRegistry registry;
  private final RunSpec spec;
  private final SpecErrors errors;
  private final SpecPaths paths;

  private RunSpecResolver(
      RunSpec spec, PluginRegistry registry, Path specFile, Path baseDirectory) {
    this.spec = spec;
    this.registry = registry;
    this.errors = new SpecErrors(specFile);
    this.paths = new SpecPaths(baseDirectory);
  }

  /**
   * Resolves the spec. Relative paths in options ({@code Path} components) are resolved against
   * the spec file's folder.
   *
   * @param specFile the spec file as the user named it, for error messages
   * @throws SpecException on an unknown provider, invalid options, a duplicate label, or an
   *     inconsistency between sections
   */
  public static ResolvedRunSpec resolve(RunSpec spec, PluginRegistry registry, Path specFile) {
    return resolve(spec, registry, specFile, folderOf(specFile));
  }

  /**
   * Resolves the spec with relative option paths resolved against {@code baseDirectory} (for a spec
   * that is not a file of its own, such as one written inline in a {@code pom.xml}: the project's folder).
   */
  public static ResolvedRunSpec resolve(
      RunSpec spec, PluginRegistry registry, Path specFile, Path baseDirectory) {
    return new RunSpecResolver(spec, registry, specFile, baseDirectory).resolve();
  }

  /**
   * Resolves the spec and checks that every file or directory its options name exists, for
   * {@code gvgap validate}: a spec that is valid runs, rather than failing after the model loads.
   *
   * @throws SpecException naming the line and field of the first path that does not exist
   */
  public static ResolvedRunSpec resolveAndCheckFiles(
      RunSpec spec, PluginRegistry registry, Path specFile) {
    RunSpecResolver resolver = new RunSpecResolver(spec, registry, specFile, folderOf(specFile));
    ResolvedRunSpec resolved = resolver.resolve();
    for (SpecPaths.Reference reference : resolver.paths.references()) {
      if (!Files.exists(reference.path())) {
        throw resolver.errors.at(
            reference.node(),
            reference.fieldPath(),
            "no such file or directory: "
                + reference.path()
                + " (a relative path is resolved against the spec file's folder, "
                + folderOf(specFile) + "); correct the path or create the file");
      }
    }
    return resolved;
  }

  private static Path folderOf(Path specFile) {
    Path parent = specFile.toAbsolutePath().normalize().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private ResolvedRunSpec resolve() {
    List<ResolvedModel> models = models();
    List<ResolvedTask> tasks = tasks();
    List<ResolvedComponent> verifiers = new ArrayList<>();
    for (SpecEntry entry : spec.verifiers()) {
      Record options = bind(registry.verifiers(), entry, optionsMap(entry), Map.of());
      verifiers.add(new ResolvedComponent(labelOf(entry), entry.name(), options));
    }
    requireUniqueLabels("verifier", spec.verifiers(), labels(verifiers));
    List<ResolvedComponent> filters = new ArrayList<>();
    List<SpecEntry> filterSources = new ArrayList<>();
    for (SpecEntry entry : spec.filters()) {
      for (ResolvedComponent filter : expand(entry)) {
        filters.add(filter);
        filterSources.add(entry);
      }
    }
    requireUniqueLabels("filter", filterSources, labels(filters));
    String verifierModel = verificationModel(models);
    checkPassAtK();
    return new ResolvedRunSpec(
        spec.name(),
        spec.output(),
        spec.seed(),
        models,
        tasks,
        spec.generation(),
        verifierModel,
        verifiers,
        filters,
        spec.metrics());
  }

  private List<ResolvedModel> models() {
    Map<String, Integer> perBackend = new HashMap<>();
    for (SpecEntry entry : spec.models()) {
      perBackend.merge(entry.name(), 1, Integer::sum);
    }
    Map<String, Integer> seen = new HashMap<>();
    List<ResolvedModel> models = new ArrayList<>();
    for (SpecEntry entry : spec.models()) {
      Record options = bind(registry.backends(), entry, optionsMap(entry), Map.of());
      int index = seen.merge(entry.name(), 1, Integer::sum);
      // Two unlabelled models of one backend would collide, so each gets its position among them.
      String label = entry.label() != null
          ? entry.label()
          : perBackend.get(entry.name()) > 1 ? entry.name() + "-" + index : entry.name();
      models.add(new ResolvedModel(label, entry.name(), options));
    }
    List<String> labels = new ArrayList<>();
    models.forEach(model -> labels.add(model.label()));
    requireUniqueLabels("model", spec.models(), labels);
    return models;
  }

  private List<ResolvedTask> tasks() {
    List<ResolvedTask> tasks = new ArrayList<>();
    List<SpecEntry> entries = new ArrayList<>();
    for (TaskSpec task : spec.tasks()) {
      SpecEntry entry = task.entry();
      Record options = bind(registry.tasks(), entry, optionsMap(entry), Map.of());
      long seed = task.seed() == null ? spec.seed() : task.seed();
      tasks.add(new ResolvedTask(labelOf(entry), entry.name(), task.limit(), seed, options));
      entries.add(entry);
    }
    List<String> labels = new ArrayList<>();
    tasks.forEach(task -> labels.add(task.label()));
    requireUniqueLabels("task", entries, labels);
    return tasks;
  }

  /** One filter per combination of sweep values (the first key varying slowest), or the filter itself. */
  private List<ResolvedComponent> expand(SpecEntry entry) {
    SpecNode sweep = entry.node().get("sweep");
    if (sweep == null || sweep.isNull()) {
      return List.of(new ResolvedComponent(
          labelOf(entry),
          entry.name(),
          bind(registry.filters(), entry, optionsMap(entry), Map.of())));
    }
    Class<? extends Record> type = optionsType(registry.filters(), entry);
    Set<String> validKeys = new LinkedHashSet<>();
    for (RecordComponent component : type.getRecordComponents()) {
      validKeys.add(OptionKeys.keyOf(component.getName()));
    }
    List<String> keys = new ArrayList<>(sweep.entries().keySet());
    for (String key : keys) {
      if (!validKeys.contains(key)) {
        String suggestion = NearestName.find(key, validKeys)
            .map(s -> "did you mean '" + s + "'? ")
            .orElse("");
        throw errors.atKey(
            sweep.get(key),
            entry.path() + ".sweep." + key,
            "unknown option '" + key + "' of the filter '"
                + entry.name() + "'; " + suggestion
                + (validKeys.isEmpty()
                    ? "it takes no options"
                    : "valid options: " + String.join(", ", validKeys)));
      }
    }
    List<ResolvedComponent> expanded = new ArrayList<>();
    int[] choice = new int[keys.size()];
    while (true) {
      Map<String, Object> values = optionsMap(entry);
      Map<String, Located> sweptFrom = new HashMap<>();
      List<String> parts = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        String key = keys.get(k);
        SpecNode value = sweep.get(key).items().get(choice[k]);
        values.put(key, value.toPlain());
        sweptFrom.put(
            key, new Located(value, entry.path() + ".sweep." + key + "[" + choice[k] + "]"));
        parts.add(key + "=" + value.toCompactText());
      }
      Record options = bind(registry.filters(), entry, values, sweptFrom);
      expanded.add(new ResolvedComponent(
          labelOf(entry) + "(" + String.join(",", parts) + ")", entry.name(), options));
      // Odometer step: advance the last key, carrying into earlier keys.
      int position = keys.size() - 1;
      while (position >= 0
          && ++choice[position] == sweep.get(keys.get(position)).items().size()) {
        choice[position] = 0;
        position--;
      }
      if (position < 0) {
        return expanded;
      }
    }
  }

  private static Map<String, Object> optionsMap(SpecEntry entry) {
    SpecNode options = entry.options();
    Map<String, Object> values = new LinkedHashMap<>();
    if (options != null) {
      options.entries().forEach((key, node) -> values.put(key, node.toPlain()));
    }
    return values;
  }

  private Class<? extends Record> optionsType(ProviderCatalog<?> catalog, SpecEntry entry) {
    String nameKey = entry.node().get("backend") != null ? "backend" : "name";
    try {
      return catalog.optionsType(entry.name());
    } catch (UnknownProviderException e) {
      throw errors.at(entry.node().get(nameKey), entry.path() + "." + nameKey, e.getMessage(), e);
    }
  }

  private Record bind(
      ProviderCatalog<?> catalog,
      SpecEntry entry,
      Map<String, Object> values,
      Map<String, Located> sweptFrom) {
    Class<? extends Record> type = optionsType(catalog, entry);
    try {
      Map<String, Object> resolved =
          paths.resolve(type, values, entry.options(), entry.path() + ".options");
      return OptionsBinder.bind(type, resolved);
    } catch (OptionsException e) {
      throw locate(entry, e, sweptFrom);
    }
  }

  /** Finds the node an options error is about, walking its path from the options (or sweep) node. */
  private SpecException locate(
      SpecEntry entry, OptionsException e, Map<String, Located> sweptFrom) {
    List<Object> path = e.path();
    SpecNode node = entry.options();
    String fieldPath = entry.path() + ".options";
    int start = 0;
    if (!path.isEmpty() && sweptFrom.containsKey(path.get(0))) {
      Located swept = sweptFrom.get(path.get(0));
      node = swept.node;
      fieldPath = swept.path;
      start = 1;
    }
    SpecNode found = node == null ? entry.node() : node;
    boolean complete = node != null;
    for (int i = start; i < path.size(); i++) {
      Object segment = path.get(i);
      fieldPath += segment instanceof Integer ? "[" + segment + "]" : "." + segment;
      if (!complete) {
        continue;
      }
      SpecNode next = null;
      if (segment instanceof String && found.kind() == SpecNode.Kind.MAPPING) {
        next = found.get((String) segment);
      } else if (segment instanceof Integer
          && found.kind() == SpecNode.Kind.SEQUENCE
          && (Integer) segment < found.items().size()) {
        next = found.items().get((Integer) segment);
      }
      if (next == null) {
        complete = false;
      } else {
        found = next;
      }
    }
    if (complete && e.problem().startsWith("unknown option")) {
      return errors.atKey(found, fieldPath, e.problem(), e);
    }
    return errors.at(found, fieldPath, e.problem(), e);
  }

  private String verificationModel(List<ResolvedModel> models) {
    String wanted = spec.verificationModel();
    if (wanted == null) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    models.forEach(model -> labels.add(model.label()));
    if (labels.contains(wanted)) {
      return wanted;
    }
    SpecNode node = spec.root().get("verification").get("model");
    String suggestion =
        NearestName.find(wanted, labels).map(s -> "did you mean '" + s + "'? ").orElse("");
    throw errors.at(
        node,
        "verification.model",
        "no model is labelled '" + wanted + "'; " + suggestion + "model labels: "
            + String.join(", ", labels) + " (a model's label defaults to its backend name)");
  }

  private void checkPassAtK() {
    int samples = spec.generation().samples();
    List<Integer> passAtK = spec.metrics().passAtK();
    for (int i = 0; i < passAtK.size(); i++) {
      if (passAtK.get(i) > samples) {
        SpecNode metrics = spec.root().get("metrics");
        SpecNode list = metrics == null ? null : metrics.get("pass_at_k");
        SpecNode item =
            list == null || list.items().size() <= i ? metrics : list.items().get(i);
        throw errors.at(
            item,
            "metrics.pass_at_k[" + i + "]",
            "pass@" + passAtK.get(i) + " needs at least " + passAtK.get(i)
                + " samples per prompt, but generation.samples is " + samples
                + "; lower it or raise generation.samples");
      }
    }
  }

  private String labelOf(SpecEntry entry) {
    return entry.label() != null ? entry.label() : entry.name();
  }

  private static List<String> labels(List<ResolvedComponent> components) {
    List<String> labels = new ArrayList<>();
    components.forEach(component -> labels.add(component.label()));
    return labels;
  }

  /** Fails on the second use of a label, pointing at the entry that repeats it. */
  private void requireUniqueLabels(String kind, List<SpecEntry> entries, List<String> labels) {
    Map<String, SpecEntry> firstUse = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      SpecEntry entry = entries.get(i);
      SpecEntry earlier = firstUse.putIfAbsent(labels.get(i), entry);
      if (earlier == null) {
        continue;
      }
      if (earlier == entry) {
        // Only a sweep turns one entry into several components; equal labels mean a repeated value.
        throw errors.at(
            entry.node().get("sweep"),
            entry.path() + ".sweep",
            "the sweep yields the " + kind + " label '" + labels.get(i)
                + "' twice; list each value once");
      }
      SpecNode labelNode = entry.node().get("label");
      String key =
          labelNode != null ? "label" : entry.node().get("backend") != null ? "backend" : "name";
      throw errors.at(
          entry.node().get(key),
          entry.path() + "." + key,
          "the " + kind + " label '" + labels.get(i) + "' is already used by " + earlier.path()
              + "; give each " + kind + " a distinct label: key");
    }
  }

  private static final class Located {
    final SpecNode node;
    final String path;

    Located(SpecNode node, String path) {
      this.node = node;
      this.path = path;
    }
  }
}
