package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help a newcomer reads first: every command's one-line summary is a whole sentence. */
class HelpTextTest {

  @Test
  void everyCommandSummaryInTheCommandListIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    collect(Main.commandLine(), cut);
    assertThat(cut).as("summaries cut mid-sentence in a command list").isEmpty();
  }

  private static void collect(CommandLine parent, List<String> cut) {
    for (CommandLine sub : parent.getSubcommands().values()) {
      String[] header = sub.getCommandSpec().usageMessage().header();
      String[] description = sub.getCommandSpec().usageMessage().description();
      // picocli's command list shows the header's, or else the description's, first line
      String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      if (!summary.strip().endsWith(".")) {
        cut.add(sub.getCommandSpec().qualifiedName() + ": " + summary);
      }
      collect(sub, cut);
    }
  }

  @Test
  void theTopLevelHelpShowsTheSummariesWhole() {
    InProcessGvgap.Result r = InProcessGvgap.run("--help");
    String help = r.out().replaceAll("\\s+", " ");
    assertThat(help)
        .contains(
            "demo The main job on the built-in models: self-improvement on arithmetic and Sudoku,"
                + " and a scaling study.")
        .contains("serve Serve a local ONNX model over the OpenAI-compatible API (Jetty).")
        .doesNotContain("bench-serve");
  }

  @Test
  void aCommandWithoutItsSubcommandListsTheSubcommands() {
    InProcessGvgap.Result bare = InProcessGvgap.run();
    assertThat(bare.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bare.err())
        .startsWith("gvgap: error: Missing required subcommand")
        .contains("Commands:", "plugins", "validate", "Exit codes:");
    InProcessGvgap.Result models = InProcessGvgap.run("models");
    assertThat(models.err()).contains("Commands:", "init", "pretrain");
  }
}
