package io.gvgap.cli;

import picocli.CommandLine.Command;

/** {@code gvgap tasks ...}: look at task plugins. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    description = "Look at task plugins.",
    subcommands = {TasksShowCommand.class})
final class TasksCommand {}
