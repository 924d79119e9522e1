package io.gvgap.bench.training;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.GraphBuilder;
import io.gvgap.onnx.graph.ModelSerializer;
import io.gvgap.onnx.runtime.OrtSessions;
import io.gvgap.onnx.train.AdamWSchedule;
import io.gvgap.onnx.train.TokenBatch;
import io.gvgap.onnx.train.TrainingForwardGraph;
import io.gvgap.onnx.train.TrainingSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures training speed on this machine: training tokens per second of a decoder shape, the
 * FLOP/s that implies (model FLOPs per token: 6·N plus attention 12·layers·T·width, T the sequence
 * length), ONNX Runtime's own float32 MatMul FLOP/s as the reference ceiling (the best of {@value
 * #MATMUL_ROUNDS} rounds before and as many after the training steps, so that a noisy round does not
 * lower the ceiling), and the process's peak resident memory.
 *
 * <p>{@code bench/bench.sh training [--layers L --width W --heads H --context C --rows R --length T --steps S
 * --threads N --attention-blocks B]}; the defaults are the arith-s shape, 8 x 480 tokens per step, 10
 * timed steps, 2 threads, and the causal attention blocks gvgap's trainer picks for the length.
 */
@Command(
    name = "training",
    mixinStandardHelpOptions = true,
    description =
        "Training tokens/s of a decoder shape through ONNX Runtime, against ONNX Runtime's MatMul FLOP/s.")
public final class TrainingBenchmark implements Callable<Integer> {
  /**
   * The figures of one benchmark.
   *
   * @param parameters model parameters N
   * @param tokensPerSecond training tokens per second
   * @param modelFlopsPerToken 6·N + 12·layers·length·width
   * @param achievedFlopsPerSecond tokensPerSecond · modelFlopsPerToken
   * @param matMulFlopsPerSecond ONNX Runtime MatMul float32 FLOP/s (512³ products)
   * @param peakResidentBytes the process's peak resident set (VmHWM), or -1 where unknown
   * @param attentionBlocks the causal attention blocks the step graph used ({@link
   *     TrainingForwardGraph#attentionBlocks})
   * @param causalFlopsPerToken 6·N + 6·layers·length·width: model FLOPs counting only the attention
   *     entries the causal mask keeps (half of the T × T), the convention that credits no skipped block
   */
  public record Figures(
      long parameters,
      double tokensPerSecond,
      double modelFlopsPerToken,
      double achievedFlopsPerSecond,
      double matMulFlopsPerSecond,
      long peakResidentBytes,
      int attentionBlocks,
      double causalFlopsPerToken) {
    /** A human-readable summary. */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "parameters %d%nattention blocks %d%ntraining tokens/s %.0f%nmodel FLOPs/token %.3g%n"
              + "achieved FLOP/s %.3g%nORT MatMul FLOP/s %.3g%nfraction of MatMul FLOP/s %.3f%n"
              + "fraction with causal attention FLOPs %.3f%npeak resident memory %.1f MiB",
          parameters,
          attentionBlocks,
          tokensPerSecond,
          modelFlopsPerToken,
          achievedFlopsPerSecond,
          matMulFlopsPerSecond,
          achievedFlopsPerSecond / matMulFlopsPerSecond,
          tokensPerSecond * causalFlopsPerToken / matMulFlopsPerSecond,
          peakResidentBytes / 1048576.0);
    }
  }

  @Option(
      names = "--layers",
      defaultValue = "2",
      description = "decoder layers (default ${DEFAULT-VALUE})")
  int layers;

  @Option(
      names = "--width",
      defaultValue = "64",
      description = "model width (default ${DEFAULT-VALUE})")
  int width;

  @Option(
      names = "--heads",
      defaultValue = "4",
      description = "attention heads (default ${DEFAULT-VALUE})")
  int heads;

  @Option(
      names = "--context",
      defaultValue = "640",
      description = "context length (default ${DEFAULT-VALUE})")
  int context;

  @Option(
      names = "--rows",
      defaultValue = "8",
      description = "sequences per step (default ${DEFAULT-VALUE})")
  int rows;

  @Option(
      names = "--length",
      defaultValue = "480",
      description = "tokens per sequence (default ${DEFAULT-VALUE})")
  int length;

  @Option(
      names = "--steps",
      defaultValue = "10",
      description =
          "timed steps after " + WARM_UP_STEPS + " warm-up steps (default ${DEFAULT-VALUE})")
  int steps;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(
      names = "--attention-blocks",
      defaultValue = "0",
      description = "Causal attention blocks of the step graph (0: gvgap's rule for the length, "
          + "TrainingForwardGraph.attentionBlocks; default ${DEFAULT-VALUE})")
  int attentionBlocks;

  @Spec
  CommandSpec spec;

  /** Rounds of 20 products in each of the two MatMul measurements (before and after training). */
  public static final int MATMUL_ROUNDS = 5;

  /** Untimed steps before the timed ones: ONNX Runtime's memory planning takes the first two runs. */
  public static final int WARM_UP_STEPS = 3;

  /** For picocli, which creates the command. */
  public TrainingBenchmark() {}

  /** Runs the benchmark for a decoder shape and a batch of {@code rows} × {@code length} tokens. */
  public static Figures run(DecoderConfig config, int rows, int length, int steps, int threads)
      throws OrtException, IOException {
    long parameters = DecoderParameters.count(config);
    SplittableRandom random = new SplittableRandom(1);
    long[] ids = new long[rows * length];
    long[] targets = new long[rows * length];
    float[] weights = new float[rows * length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = random.nextInt(2, config.vocabSize());
      targets[i] = random.nextInt(2, config.vocabSize());
      weights[i] = 1f / ids.length;
    }
    TokenBatch batch = new TokenBatch(rows, length, ids, targets, weights);
    double seconds;
    double matMulBefore = matMulFlops(512, threads);
    try (TrainingSession session = new TrainingSession(
        config,
        AdamWSchedule.standard(1e-3, 1, steps + 2),
        DecoderParameters.random(config, 1),
        threads,
        "cpu")) {
      // warm-up: ONNX Runtime records the allocation pattern on the first run and allocates the
      // planned blocks on the second (about 8x a steady step at the arith-s shape on 1 thread,
      // where
      // timing 8 steps from the second understated the steady speed 1.9x)
      for (int i = 0; i < WARM_UP_STEPS; i++) {
        session.step(batch);
      }
      long start = System.nanoTime();
      for (int i = 0; i < steps; i++) {
        session.step(batch);
      }
      seconds = (System.nanoTime() - start) / 1e9;
    }
    double tokensPerSecond = (double) rows * length * steps / seconds;
    double flopsPerToken = 6.0 * parameters + 12.0 * config.layers() * length * config.width();
    return new Figures(
        parameters,
        tokensPerSecond,
        flopsPerToken,
        tokensPerSecond * flopsPerToken,
        Math.max(matMulBefore, matMulFlops(512, threads)),
        peakResident(),
        TrainingForwardGraph.attentionBlocks(length),
        6.0 * parameters + 6.0 * config.layers() * length * config.width());
  }

  /**
   * ONNX Runtime's float32 MatMul speed on n×n by n×n products, in FLOP/s (2·n³ per product): the
   * fastest of {@value #MATMUL_ROUNDS} rounds of 20 products.
   */
  public static double matMulFlops(int n, int threads) throws OrtException {
    GraphBuilder b = new GraphBuilder("matmul");
    b.input("a", ElementType.FLOAT, n, n);
    b.input("b", ElementType.FLOAT, n, n);
    b.output(b.op("MatMul", "a", "b"), "c", ElementType.FLOAT, n, n);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    float[] values = new float[n * n];
    java.util.Arrays.fill(values, 0.5f);
    try (OrtSession.SessionOptions options = OrtSessions.options(threads, "cpu");
        OrtSession session = environment.createSession(
            ModelSerializer.toModel(b.build(), Map.of()).toByteArray(), options);
        OnnxTensor a =
            OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), new long[] {n, n});
        OnnxTensor bb =
            OnnxTensor.createTensor(environment, FloatBuffer.wrap(values), new long[] {n, n})) {
      Map<String, OnnxTensor> inputs = Map.of("a", a, "b", bb);
      session.run(inputs).close();
      int runs = 20;
      double best = 0;
      for (int round = 0; round < MATMUL_ROUNDS; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
          session.run(inputs).close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        best = Math.max(best, 2.0 * n * n * n * runs / seconds);
      }
      return best;
    }
  }

  private static long peakResident() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  /** Prints the figures of the shape the options give (a GPT-2-like decoder over gvgap's 98-id vocabulary). */
  @Override
  public Integer call() throws Exception {
    if (length > context) {
      throw new IllegalArgumentException(
          "--length " + length + " is longer than --context " + context);
    }
    if (attentionBlocks < 0) {
      throw new IllegalArgumentException(
          "--attention-blocks must be 0 (gvgap's rule) or a positive count, got "
              + attentionBlocks);
    }
    DecoderConfig config = DecoderConfig.gpt2Like(98, context, layers, width, heads);
    String before = System.getProperty(TrainingForwardGraph.BLOCKS_PROPERTY);
    try {
      if (attentionBlocks > 0) {
        System.setProperty(TrainingForwardGraph.BLOCKS_PROPERTY, Integer.toString(attentionBlocks));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(run(config, rows, length, steps, threads).summary());
      out.flush();
    } finally {
      if (before == null) {
        System.clearProperty(TrainingForwardGraph.BLOCKS_PROPERTY);
      } else {
        System.setProperty(TrainingForwardGraph.BLOCKS_PROPERTY, before);
      }
    }
    return 0;
  }
}
