package io.gvgap.bench;

import io.gvgap.bench.dedup.DedupBenchmark;
import io.gvgap.bench.generation.GenerationBenchmark;
import io.gvgap.bench.llamacpp.LlamaCppBenchmark;
import io.gvgap.bench.quantization.QuantizationBenchmark;
import io.gvgap.bench.training.TrainingBenchmark;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code gvgap-bench}: the developer benchmarks behind one command line. Run from the repository
 * root with {@code bench/bench.sh BENCHMARK [options]} (it compiles this module and its reactor
 * dependencies, then starts this class); {@code bench/bench.sh --help} lists the benchmarks.
 */
@Command(
    name = "gvgap-bench",
    mixinStandardHelpOptions = true,
    description =
        "Developer benchmarks of gvgap; each prints its figures (none is a timed unit test).",
    subcommands = {
      GenerationBenchmark.class,
      TrainingBenchmark.class,
      DedupBenchmark.class,
      QuantizationBenchmark.class,
      LlamaCppBenchmark.class
    })
public final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line: a bad argument exits 2 with picocli's message and the usage, an
   * {@link IllegalArgumentException} from a benchmark (a missing or malformed input file) exits 2
   * with its message alone, anything else exits 1 with its stack trace.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new BenchCommand());
    commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
      if (exception instanceof IllegalArgumentException) {
        PrintWriter err = line.getErr();
        err.println("gvgap-bench " + line.getCommandName() + ": " + exception.getMessage());
        err.flush();
        return 2;
      }
      throw exception;
    });
    return commandLine;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a benchmark: generation, training or dedup");
  }
}
