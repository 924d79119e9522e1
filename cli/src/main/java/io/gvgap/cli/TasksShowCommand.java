package io.gvgap.cli;

import io.gvgap.api.Provider;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Task;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.onnx.runtime.ChatTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap tasks show NAME}: a task's options and a few rendered prompts with references. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = "Print a task's options and a few rendered prompts with their references.")
final class TasksShowCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "The task's name (see gvgap plugins).")
  String name;

  @Option(
      names = {"-O", "--option"},
      paramLabel = "KEY=VALUE",
      description = "A task option, as in a spec (repeatable).")
  List<String> options = new ArrayList<>();

  @Option(
      names = {"-n", "--examples"},
      defaultValue = "3",
      description = "How many examples (default ${DEFAULT-VALUE}).")
  int count;

  @Option(
      names = "--seed",
      defaultValue = "0",
      description = "Seed of the example subset (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--chat-template",
      paramLabel = "MODEL_DIR",
      description = "Also show each prompt as rendered through this model directory's chat template"
          + " (chat_template in its tokenizer_config.json), as a spec's chat: true sends it.")
  Path chatModel;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new UsageException("--examples " + count + ": give at least 1");
    }
    GvgapCommand root = (GvgapCommand) spec.root().userObject();
    PluginRegistry registry = root.registry();
    Provider<?, Task> provider = registry.tasks().forName(name);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("task %s (%s)%n", provider.name(), provider.getClass().getName());
    if (!provider.description().isEmpty()) {
      out.printf("  %s%n", provider.description());
    }
    OptionsTable.print(out, provider.optionsType());
    Task task =
        registry.tasks().create(name, CommandLineOptions.bind(provider.optionsType(), options));
    ChatTemplate chat = chatModel == null ? null : ChatTemplate.read(chatModel);
    List<Example> examples = task.examples(new ExampleRequest(count, seed));
    for (Example e : examples) {
      String prompt = task.generationPrompt(e).text();
      out.printf("%n--- example %s ---%n%s%n", e.id(), prompt);
      if (chat != null) {
        out.printf("--- through the chat template of %s ---%n%s%n", chatModel, chat.render(prompt));
      }
      out.printf("--- reference ---%n%s%n", e.reference());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
