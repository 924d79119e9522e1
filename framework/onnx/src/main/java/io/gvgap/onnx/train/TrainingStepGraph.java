package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import io.gvgap.onnx.graph.ElementType;
import io.gvgap.onnx.graph.Graph;
import io.gvgap.onnx.graph.GraphBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One whole training step as one ONNX graph: forward ({@link TrainingForwardGraph}), reverse-mode
 * gradients ({@link ReverseMode}), global-norm clipping, the learning-rate schedule and the AdamW
 * update ({@link AdamWSchedule}).
 *
 * <p>Inputs: the batch ({@code input_ids}, {@code target_ids}, {@code loss_weights}), {@code step}
 * (float scalar, the step being taken, from 1), and for every parameter {@code p}: {@code p},
 * {@code adam_m.p}, {@code adam_v.p}. Outputs: {@code loss}, {@code grad_norm} (before clipping),
 * {@code learning_rate}, and for every parameter {@code updated.p}, {@code updated_m.p},
 * {@code updated_v.p}.
 */
public final class TrainingStepGraph {
  /** Input holding the step number (from 1) as a float scalar. */
  public static final String STEP = "step";
  /** Output: the global gradient norm before clipping. */
  public static final String GRAD_NORM = "grad_norm";
  /** Output: the learning rate used in this step. */
  public static final String LEARNING_RATE = "learning_rate";

  private TrainingStepGraph() {}

  /** Name of the first-moment input of a parameter. */
  public static String firstMoment(String parameter) {
    return "adam_m." + parameter;
  }

  /** Name of the second-moment input of a parameter. */
  public static String secondMoment(String parameter) {
    return "adam_v." + parameter;
  }

  /** Name of the output holding a parameter's new value. */
  public static String updated(String parameter) {
    return "updated." + parameter;
  }

  /** Name of the output holding a parameter's new first moment. */
  public static String updatedFirstMoment(String parameter) {
    return "updated_m." + parameter;
  }

  /** Name of the output holding a parameter's new second moment. */
  public static String updatedSecondMoment(String parameter) {
    return "updated_v." + parameter;
  }

  /** Builds the step graph for a decoder config and optimizer settings (one attention block). */
  public static Graph build(DecoderConfig config, AdamWSchedule schedule) {
    return build(config, schedule, 1);
  }

  /**
   * Builds the step graph for a decoder config and optimizer settings, with causal attention in
   * {@code attentionBlocks} blocks ({@link TrainingForwardGraph#attentionBlocks}; the graph then
   * needs batches of at least that many positions).
   */
  public static Graph build(DecoderConfig config, AdamWSchedule schedule, int attentionBlocks) {
    GraphBuilder forward = new GraphBuilder("gvgap_training_step");
    TrainingForwardGraph.addTo(forward, config, attentionBlocks);
    return build(forward, DecoderParameters.shapes(config), schedule);
  }

  /**
   * Builds the step graph around a forward graph: {@code forward} declares the token inputs and
   * every parameter of {@code shapes} as inputs and computes value {@value
   * TrainingForwardGraph#LOSS} (e.g. {@code io.gvgap.onnx.arch.ArchitectureTrainingGraph} for an
   * imported architecture); the result adds the gradients, clipping and the AdamW update.
   */
  public static Graph build(
      GraphBuilder forward, Map<String, long[]> shapes, AdamWSchedule schedule) {
    forward.output(TrainingForwardGraph.LOSS, TrainingForwardGraph.LOSS, ElementType.FLOAT);
    List<String> names = new ArrayList<>(shapes.keySet());
    ReverseMode.Result result =
        ReverseMode.differentiate(forward.build(), TrainingForwardGraph.LOSS, names);
    GraphBuilder b = result.builder();
    b.input(STEP, ElementType.FLOAT);
    for (String name : names) {
      b.input(firstMoment(name), ElementType.FLOAT, dims(shapes.get(name)));
      b.input(secondMoment(name), ElementType.FLOAT, dims(shapes.get(name)));
    }

    List<String> squares = new ArrayList<>();
    for (String name : names) {
      squares.add(
          b.op("ReduceSumSquare", Map.of("keepdims", 0L), result.gradients().get(name)));
    }
    String gradNorm = b.op(
        "Sqrt", squares.size() == 1 ? squares.get(0) : b.op("Sum", squares.toArray(String[]::new)));
    String clipScale = schedule.clipNorm() > 0
        ? b.op(
            "Min",
            b.scalar(1f),
            b.op(
                "Div",
                b.scalar((float) schedule.clipNorm()),
                b.op("Add", gradNorm, b.scalar(1e-6f))))
        : b.scalar(1f);
    String learningRate = learningRate(b, schedule);

    String beta1 = b.scalar((float) schedule.beta1());
    String beta2 = b.scalar((float) schedule.beta2());
    String oneMinusBeta1 = b.scalar((float) (1 - schedule.beta1()));
    String oneMinusBeta2 = b.scalar((float) (1 - schedule.beta2()));
    String one = b.scalar(1f);
    String correction1 = b.op("Sub", one, b.op("Pow", beta1, STEP));
    String correction2 = b.op("Sub", one, b.op("Pow", beta2, STEP));
    String epsilon = b.scalar((float) schedule.epsilon());
    String decay = b.scalar((float) schedule.weightDecay());
    for (String name : names) {
      String gradient = b.op("Mul", result.gradients().get(name), clipScale);
      String m =
          b.op("Add", b.op("Mul", beta1, firstMoment(name)), b.op("Mul", oneMinusBeta1, gradient));
      String v = b.op(
          "Add",
          b.op("Mul", beta2, secondMoment(name)),
          b.op("Mul", oneMinusBeta2, b.op("Mul", gradient, gradient)));
      String direction = b.op(
          "Div",
          b.op("Div", m, correction1),
          b.op("Add", b.op("Sqrt", b.op("Div", v, correction2)), epsilon));
      if (shapes.get(name).length >= 2 && schedule.weightDecay() > 0) {
        direction = b.op("Add", direction, b.op("Mul", decay, name));
      }
      String parameter = b.op("Sub", name, b.op("Mul", learningRate, direction));
      b.output(parameter, updated(name), ElementType.FLOAT, dims(shapes.get(name)));
      b.output(m, updatedFirstMoment(name), ElementType.FLOAT, dims(shapes.get(name)));
      b.output(v, updatedSecondMoment(name), ElementType.FLOAT, dims(shapes.get(name)));
    }
    b.output(TrainingForwardGraph.LOSS, TrainingForwardGraph.LOSS, ElementType.FLOAT);
    b.output(gradNorm, GRAD_NORM, ElementType.FLOAT);
    b.output(learningRate, LEARNING_RATE, ElementType.FLOAT);
    return b.build();
  }

  /** The schedule of {@link AdamWSchedule#learningRate} as nodes reading {@link #STEP}. */
  private static String learningRate(GraphBuilder b, AdamWSchedule schedule) {
    String warm =
        b.op("Min", b.scalar(1f), b.op("Div", STEP, b.scalar(Math.max(schedule.warmupSteps(), 1))));
    String progress = b.op(
        "Div",
        b.op("Sub", STEP, b.scalar(schedule.warmupSteps())),
        b.scalar(Math.max(schedule.totalSteps() - schedule.warmupSteps(), 1)));
    String clamped = b.op("Min", b.scalar(1f), b.op("Max", b.scalar(0f), progress));
    String cosine = b.op(
        "Mul",
        b.scalar(0.5f),
        b.op("Add", b.scalar(1f), b.op("Cos", b.op("Mul", b.scalar((float) Math.PI), clamped))));
    String floor = b.scalar((float) schedule.minLearningRateRatio());
    String shaped = b.op(
        "Add", floor, b.op("Mul", b.scalar((float) (1 - schedule.minLearningRateRatio())), cosine));
    return b.op("Mul", b.op("Mul", b.scalar((float) schedule.peakLearningRate()), warm), shaped);
  }

  static Object[] dims(long[] shape) {
    Object[] dims = new Object[shape.length];
    for (int i = 0; i < shape.length; i++) {
      dims[i] = shape[i];
    }
    return dims;
  }
}
