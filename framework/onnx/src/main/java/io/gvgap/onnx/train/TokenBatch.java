package io.gvgap.onnx.train;

/**
 * One training batch, row-major [rows, length]: the model reads {@code inputIds[r, t]} and is scored
 * on predicting {@code targetIds[r, t]} with weight {@code lossWeights[r, t]} (0 for padding and
 * for tokens that must not be learned).
 *
 * @param rows sequences in the batch
 * @param length tokens per sequence (padded on the right)
 * @param inputIds token ids read
 * @param targetIds token ids predicted (the inputs shifted by one)
 * @param lossWeights weight of each predicted token in the loss
 */
public record TokenBatch(
    int rows, int length, long[] inputIds, long[] targetIds, float[] lossWeights) {
  /** Checks the array sizes. */
  public TokenBatch {
    int cells = Math.multiplyExact(rows, length);
    if (rows < 1
        || length < 1
        || inputIds.length != cells
        || targetIds.length != cells
        || lossWeights.length != cells) {
      throw new IllegalArgumentException("a batch of " + rows + " x " + length + " needs " + cells
          + " ids, targets and weights; got " + inputIds.length + ", " + targetIds.length + ", "
          + lossWeights.length);
    }
  }

  /** The sum of the loss weights. */
  public double totalWeight() {
    double total = 0;
    for (float weight : lossWeights) {
      total += weight;
    }
    return total;
  }

  /** Number of tokens with a non-zero loss weight. */
  public int weightedTokens() {
    int count = 0;
    for (float weight : lossWeights) {
      count += weight != 0 ? 1 : 0;
    }
    return count;
  }
}
