package io.gvgap.onnx.train;

import ai.onnxruntime.OrtException;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.decoder.ModelCard;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Trains a gvgap decoder on examples (pre-training documents or prompt/response pairs) and writes
 * the result as a model directory. Checkpoints go to {@code <out>/checkpoints/} every
 * {@link TrainerOptions#checkpointEvery()} steps; when {@code <out>} already holds a checkpoint of
 * the same run (same config, data size and options) training resumes from it, so a crashed run is
 * restarted with the same call. The checkpoints are removed once the final model is written.
 *
 * <p>A run stopped by SIGTERM or Ctrl-C (any orderly JVM shutdown) finishes its current step, writes a
 * checkpoint of it and closes ONNX Runtime before the JVM exits (a shutdown hook waits for it, at most
 * {@link #STOP_WAIT}), so the same call resumes exactly where it stopped and the native runtime is never
 * torn down under a running step (which crashed the JVM with SIGSEGV in libonnxruntime).
 *
 * <pre>{@code
 * Trainer trainer = new Trainer(config, vocabulary, DecoderParameters.random(config, 1), examples,
 *     TrainerOptions.fineTuning(200, 1));
 * TrainingResult result = trainer.train(Path.of("out"), ModelCard.ofRecipe("my data"),
 *     p -> System.out.println(p.line()));
 * }</pre>
 */
public final class Trainer {
  private static final int SMOOTHING = 50;
  /** How long a shutdown waits for the current step, its checkpoint and the session's closing. */
  static final Duration STOP_WAIT = Duration.ofMinutes(2);

  private final TrainableModel model;
  private final Map<String, float[]> initialParameters;
  private final BatchPlan plan;
  private final TrainerOptions options;
  private final String fingerprint;

  /** Prepares a run: tokenises the examples and fixes the batch order. */
  public Trainer(
      DecoderConfig config,
      CharVocabulary vocabulary,
      Map<String, float[]> initialParameters,
      List<TrainingExample> examples,
      TrainerOptions options) {
    this(new OwnDecoderModel(config, vocabulary), initialParameters, examples, options);
    DecoderParameters.validate(config, initialParameters);
  }

  /** Prepares a run of any {@link TrainableModel}: tokenises the examples, fixes the batch order. */
  public Trainer(
      TrainableModel model,
      Map<String, float[]> initialParameters,
      List<TrainingExample> examples,
      TrainerOptions options) {
    this.model = model;
    this.initialParameters = initialParameters;
    this.options = options;
    this.plan = new BatchPlan(examples, model, options.rowsPerBatch(), options.seed());
    this.fingerprint = model.describe() + " " + options + " examples=" + examples.size();
  }

  /**
   * Whether a checkpoint written with settings {@code saved} continues the run with settings
   * {@code current}: everything must match except how it executes (intra-op threads, device), so a
   * run stopped on one thread count resumes on another. The resumed run then computes the same
   * steps, but its sums may round differently in the last bits from an uninterrupted one.
   */
  static boolean sameRun(String saved, String current) {
    return withoutExecution(saved).equals(withoutExecution(current));
  }

  private static String withoutExecution(String fingerprint) {
    return fingerprint.replaceAll(", threads=\\d+", "").replaceAll(", device=[^,\\]]*", "");
  }

  /** The batch order of this run. */
  public BatchPlan plan() {
    return plan;
  }

  /**
   * Trains (or resumes) into {@code outDirectory}, then writes the final model there with
   * {@code cardFacts} and the run's figures in its model card.
   */
  public TrainingResult train(Path outDirectory, ModelCard cardFacts, ProgressListener listener)
      throws IOException, OrtException {
    AtomicBoolean stopRequested = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(
        () -> {
          stopRequested.set(true);
          try {
            stopped.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        "gvgap-training-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return train(outDirectory, cardFacts, listener, stopRequested);
    } finally {
      stopped.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook is running and returns now that the latch is open
      }
    }
  }

  /**
   * {@link #train(Path, ModelCard, ProgressListener)}; when {@code stopRequested} turns true, the
   * run writes a checkpoint of the step it finished last and throws {@link TrainingStoppedException}.
   */
  TrainingResult train(
      Path outDirectory,
      ModelCard cardFacts,
      ProgressListener listener,
      AtomicBoolean stopRequested)
      throws IOException, OrtException {
    Optional<Checkpoints.State> checkpoint = Checkpoints.latest(outDirectory, model);
    Deque<Double> recent = new ArrayDeque<>();
    long tokensSeen = 0;
    long resumedFrom = 0;
    try (TrainingSession session = new TrainingSession(
        model, options.schedule(), initialParameters, options.threads(), options.device())) {
      if (checkpoint.isPresent()) {
        Checkpoints.State state = checkpoint.get();
        if (!sameRun(state.fingerprint(), fingerprint)) {
          throw new IllegalStateException(
              outDirectory + " holds a checkpoint of a different run (" + state.fingerprint()
                  + "), this run is " + fingerprint + ": use another output directory or delete "
                  + outDirectory.resolve(Checkpoints.FOLDER));
        }
        session.setParameters(state.parameters());
        session.restoreOptimizer(state.firstMoments(), state.secondMoments(), state.step());
        tokensSeen = state.tokensSeen();
        recent.addAll(state.recentLosses());
        resumedFrom = state.step();
      }
      long startNanos = System.nanoTime();
      long tokensThisProcess = 0;
      while (session.steps() < options.steps()) {
        TokenBatch batch = plan.batch(session.steps());
        StepResult result = session.step(batch);
        if (!Double.isFinite(result.loss())) {
          throw new IllegalStateException("loss became " + result.loss() + " at step "
              + result.step() + ": lower the learning rate (" + options.peakLearningRate()
              + ") or raise warm-up");
        }
        long tokens = realTokens(batch);
        tokensSeen += tokens;
        tokensThisProcess += tokens;
        recent.addLast(result.loss());
        while (recent.size() > SMOOTHING) {
          recent.removeFirst();
        }
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-9);
        double perStep = seconds / (session.steps() - resumedFrom);
        Duration remaining =
            Duration.ofMillis((long) (perStep * (options.steps() - session.steps()) * 1000));
        listener.onStep(new TrainingProgress(
            result.step(),
            options.steps(),
            result.loss(),
            mean(recent),
            result.learningRate(),
            result.gradientNorm(),
            tokensSeen,
            tokensThisProcess / seconds,
            remaining));
        boolean stop = stopRequested.get() && session.steps() < options.steps();
        boolean due = options.checkpointEvery() > 0
            && session.steps() % options.checkpointEvery() == 0
            && session.steps() < options.steps();
        if (stop || due) {
          Checkpoints.write(
              outDirectory, session, model, tokensSeen, new ArrayList<>(recent), fingerprint);
        }
        if (stop) {
          throw new TrainingStoppedException(session.steps(), options.steps(), outDirectory);
        }
      }
      double finalLoss = mean(recent);
      long parameters = model.parameterCount();
      ModelCard card = cardFacts.withTraining(
          tokensSeen,
          6.0 * parameters * tokensSeen,
          session.steps(),
          finalLoss,
          options.toString());
      model.write(outDirectory, session.parameters(), card);
      Checkpoints.deleteAll(outDirectory);
      return new TrainingResult(outDirectory, session.steps(), tokensSeen, finalLoss, resumedFrom);
    }
  }

  /** Input positions that hold real tokens: per row, up to its last non-zero loss weight or non-padding id. */
  private static long realTokens(TokenBatch batch) {
    long count = 0;
    for (int row = 0; row < batch.rows(); row++) {
      int last = -1;
      for (int t = 0; t < batch.length(); t++) {
        if (batch.lossWeights()[row * batch.length() + t] != 0) {
          last = t;
        }
      }
      count += last + 1;
    }
    return count;
  }

  private static double mean(Deque<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
