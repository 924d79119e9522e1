package io.gvgap.onnx.train;

import io.gvgap.onnx.decoder.CharVocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The order in which a trainer sees its examples, fixed by a seed: each epoch shuffles the examples,
 * sorts windows of 64 batches by length (so a batch pads little), cuts them into batches and
 * shuffles the batches. Batch {@code k} of the whole run depends on the seed and {@code k} alone,
 * which is what lets a resumed run continue exactly where the crashed one stopped.
 */
public final class BatchPlan {
  private static final int SORT_WINDOW_BATCHES = 64;

  /** One tokenised example: tokens (prompt, response, end-of-text), how many are prompt, its weight. */
  private record Encoded(long[] tokens, int promptTokens, double weight) {}

  private final List<Encoded> examples = new ArrayList<>();
  private final int rowsPerBatch;
  private final long seed;
  private final int truncated;
  private long cachedEpoch = -1;
  private List<int[]> cachedBatches;

  /**
   * Tokenises the examples with a character vocabulary, keeping at most {@code contextLength + 1}
   * tokens of each (the model reads {@code contextLength} and predicts the next of each).
   */
  public BatchPlan(
      List<TrainingExample> examples,
      CharVocabulary vocabulary,
      int contextLength,
      int rowsPerBatch,
      long seed) {
    this(
        examples,
        text -> OwnDecoderModel.characters(vocabulary, text),
        CharVocabulary.END_OF_TEXT_ID,
        contextLength,
        rowsPerBatch,
        seed);
  }

  /**
   * Tokenises the examples with {@code model}'s tokenizer (prompt, then response, then the end of
   * text), keeping at most {@code contextLength + 1} tokens of each.
   */
  public BatchPlan(
      List<TrainingExample> examples, TrainableModel model, int rowsPerBatch, long seed) {
    this(examples, model::encode, model.endOfText(), model.contextLength(), rowsPerBatch, seed);
  }

  private BatchPlan(
      List<TrainingExample> examples,
      java.util.function.Function<String, long[]> encode,
      long endOfText,
      int contextLength,
      int rowsPerBatch,
      long seed) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    if (rowsPerBatch < 1) {
      throw new IllegalArgumentException("rowsPerBatch must be >= 1, was " + rowsPerBatch);
    }
    this.rowsPerBatch = rowsPerBatch;
    this.seed = seed;
    int cut = 0;
    for (TrainingExample example : examples) {
      long[] prompt = encode.apply(example.prompt());
      long[] response = encode.apply(example.response());
      int full = prompt.length + response.length + 1;
      int length = Math.min(full, contextLength + 1);
      cut += full > length ? 1 : 0;
      long[] tokens = new long[length];
      for (int i = 0; i < length; i++) {
        tokens[i] = i < prompt.length
            ? prompt[i]
            : i < prompt.length + response.length ? response[i - prompt.length] : endOfText;
      }
      int promptLength = prompt.length;
      if (promptLength >= length - 1) {
        throw new IllegalArgumentException("example " + this.examples.size() + " has a prompt of "
            + promptLength
            + " tokens, which leaves no response token within the context of " + contextLength
            + "; shorten the prompt or use a model with a longer context");
      }
      this.examples.add(new Encoded(tokens, promptLength, example.weight()));
    }
    this.truncated = cut;
  }

  /** Batches in one pass over the examples. */
  public int batchesPerEpoch() {
    return (examples.size() + rowsPerBatch - 1) / rowsPerBatch;
  }

  /** How many examples were cut to fit the context. */
  public int truncatedExamples() {
    return truncated;
  }

  /** Number of examples. */
  public int size() {
    return examples.size();
  }

  /** Batch {@code index} (from 0) of the run; epochs follow each other with fresh shuffles. */
  public TokenBatch batch(long index) {
    long epoch = index / batchesPerEpoch();
    if (epoch != cachedEpoch) {
      cachedBatches = epochBatches(epoch);
      cachedEpoch = epoch;
    }
    return assemble(cachedBatches.get((int) (index % batchesPerEpoch())));
  }

  private List<int[]> epochBatches(long epoch) {
    Random random = new Random(seed * 1_000_003L + epoch);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      order.add(i);
    }
    Collections.shuffle(order, random);
    int window = rowsPerBatch * SORT_WINDOW_BATCHES;
    List<int[]> batches = new ArrayList<>();
    for (int start = 0; start < order.size(); start += window) {
      List<Integer> chunk =
          new ArrayList<>(order.subList(start, Math.min(order.size(), start + window)));
      chunk.sort(Comparator.comparingInt(i -> examples.get(i).tokens().length));
      for (int from = 0; from < chunk.size(); from += rowsPerBatch) {
        batches.add(chunk.subList(from, Math.min(chunk.size(), from + rowsPerBatch)).stream()
            .mapToInt(i -> i)
            .toArray());
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  /**
   * Pads the rows on the right to the longest and sets the loss weights: each response token (and
   * the final end-of-text) gets its example's weight divided by the batch's total, so the loss is the
   * weighted mean token cross-entropy; prompt tokens and padding get 0.
   */
  private TokenBatch assemble(int[] members) {
    int length = 0;
    for (int member : members) {
      length = Math.max(length, examples.get(member).tokens().length - 1);
    }
    int rows = members.length;
    long[] inputs = new long[rows * length];
    long[] targets = new long[rows * length];
    float[] weights = new float[rows * length];
    double total = 0;
    for (int member : members) {
      Encoded example = examples.get(member);
      total += example.weight()
          * (example.tokens().length - 1 - Math.max(example.promptTokens() - 1, 0));
    }
    for (int row = 0; row < rows; row++) {
      Encoded example = examples.get(members[row]);
      long[] tokens = example.tokens();
      for (int t = 0; t < tokens.length - 1; t++) {
        inputs[row * length + t] = tokens[t];
        targets[row * length + t] = tokens[t + 1];
        // target t is token t + 1: it counts when it belongs to the response (or is the final
        // end-of-text)
        if (t + 1 >= example.promptTokens()) {
          weights[row * length + t] = (float) (example.weight() / total);
        }
      }
    }
    return new TokenBatch(rows, length, inputs, targets, weights);
  }
}
