package io.gvgap.cli;

import picocli.CommandLine.Command;

/** {@code gvgap models ...}: create and train gvgap's own model directories. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Create and train gvgap's own decoders; import Hugging Face checkpoints.",
    subcommands = {
      ModelsInitCommand.class,
      ModelsPretrainCommand.class,
      ModelsImportCommand.class,
      ModelsExportCommand.class
    })
final class ModelsCommand {}
