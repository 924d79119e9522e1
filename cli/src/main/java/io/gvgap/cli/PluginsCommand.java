package io.gvgap.cli;

import io.gvgap.core.registry.DiscoveredProvider;
import io.gvgap.core.registry.PluginRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gvgap plugins}: every provider found through ServiceLoader, with its class and jar. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    subcommands = PluginsShowCommand.class,
    description = {
      "List the task, verifier, filter and model-backend plugins found on the classpath and plugin path.",
      "'gvgap plugins show NAME' prints a plugin's options."
    })
final class PluginsCommand implements Callable<Integer> {

  @ParentCommand
  GvgapCommand parent;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PluginRegistry registry = parent.registry();
    PrintWriter out = spec.commandLine().getOut();
    List<DiscoveredProvider> all = registry.all();
    int kindW = "KIND".length();
    int nameW = "NAME".length();
    int classW = "CLASS".length();
    for (DiscoveredProvider p : all) {
      kindW = Math.max(kindW, p.kind().label().length());
      nameW = Math.max(nameW, p.name().length());
      classW = Math.max(classW, p.className().length());
    }
    String format = "%-" + kindW + "s  %-" + nameW + "s  %-" + classW + "s  %-14s  %s%n";
    out.printf(format, "KIND", "NAME", "CLASS", "VERSION", "FROM");
    for (DiscoveredProvider p : all) {
      out.printf(format, p.kind().label(), p.name(), p.className(), p.version(), p.location());
    }
    out.printf("%d providers%n", all.size());
    out.flush();
    return ExitCodes.OK;
  }
}
