package io.gvgap.cli;

import io.gvgap.api.Provider;
import io.gvgap.core.registry.DiscoveredProvider;
import io.gvgap.core.registry.ExtensionPoint;
import io.gvgap.core.registry.NearestName;
import io.gvgap.core.registry.PluginLoadException;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.ProviderCatalog;
import io.gvgap.core.registry.UnknownProviderException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gvgap plugins show NAME}: the options of any provider (task, verifier, filter, model backend)
 * as a spec's {@code options:} or a command's {@code -O KEY=VALUE} takes them.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print a plugin's options: name, type, default (or required) and meaning.",
      "A name that several kinds share (verifier and filter 'majority') shows each; --kind picks one."
    })
final class PluginsShowCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The plugin's name, as 'gvgap plugins' lists it.")
  String name;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only this kind: task, verifier, filter or backend.")
  String kind;

  @Override
  public Integer call() {
    GvgapCommand root = (GvgapCommand) spec.root().userObject();
    PluginRegistry registry = root.registry();
    List<ExtensionPoint> kinds = kinds();
    List<ExtensionPoint> found = new ArrayList<>();
    for (ExtensionPoint k : kinds) {
      if (registry.catalog(k).contains(name)) {
        found.add(k);
      }
    }
    if (found.isEmpty()) {
      throw unknown(registry, kinds);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 0; i < found.size(); i++) {
      ExtensionPoint k = found.get(i);
      ProviderCatalog<?> catalog = registry.catalog(k);
      DiscoveredProvider discovered = catalog.discovered().stream()
          .filter(p -> p.name().equals(name))
          .findFirst()
          .orElseThrow();
      Provider<?, ?> provider = catalog.forName(name);
      if (i > 0) {
        out.println();
      }
      out.printf(
          "%s %s (%s, version %s, from %s)%n",
          k.label(), name, discovered.className(), discovered.version(), discovered.location());
      if (!provider.description().isEmpty()) {
        out.printf("  %s%n", provider.description());
      }
      OptionsTable.print(out, catalog.optionsType(name));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The nearest kind's own message when a name is close; otherwise every plugin's name by kind. */
  private RuntimeException unknown(PluginRegistry registry, List<ExtensionPoint> kinds) {
    TreeSet<String> every = new TreeSet<>();
    kinds.forEach(k -> every.addAll(registry.catalog(k).availableNames()));
    Optional<String> nearest = NearestName.find(name, every);
    for (ExtensionPoint k : kinds) {
      if (kinds.size() == 1
          || (nearest.isPresent() && registry.catalog(k).contains(nearest.get()))) {
        try {
          registry.catalog(k).forName(name);
        } catch (UnknownProviderException e) {
          return e;
        }
      }
    }
    String byKind = kinds.stream()
        .map(k -> k.label() + "s " + String.join(", ", registry.catalog(k).availableNames()))
        .collect(Collectors.joining("; "));
    return new PluginLoadException(
        "No plugin is named '" + name + "'. Plugins: " + byKind + ". If it is a plugin,"
            + " add the jar that provides it to the classpath or --plugin-path.");
  }

  private List<ExtensionPoint> kinds() {
    if (kind == null) {
      return Arrays.asList(ExtensionPoint.values());
    }
    for (ExtensionPoint k : ExtensionPoint.values()) {
      if (k.label().equals(kind.toLowerCase(Locale.ROOT))) {
        return List.of(k);
      }
    }
    throw new UsageException("--kind " + kind + ": a kind is one of "
        + Arrays.stream(ExtensionPoint.values())
            .map(ExtensionPoint::label)
            .collect(Collectors.joining(", ")));
  }
}
