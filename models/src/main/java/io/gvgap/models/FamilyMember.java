package io.gvgap.models;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;

/**
 * One size of the built-in family and its pre-training recipe.
 *
 * @param name directory name under {@code models/}
 * @param layers transformer blocks
 * @param width model width
 * @param heads attention heads
 * @param contextLength tokens of context (the task's 3-shot prompt plus a solution needs about 530)
 * @param documents pre-training documents (each {@link #problemsPerDocument} solved problems)
 * @param problemsPerDocument solved problems per document, in the few-shot prompt layout
 * @param verificationDocuments labelled verification documents added to the corpus
 * @param rowsPerBatch sequences per step
 * @param steps optimizer steps
 * @param peakLearningRate AdamW peak learning rate
 * @param seed seed of the initialisation and of the batch order
 */
public record FamilyMember(String name, int layers, int width, int heads, int contextLength, int documents,
    int problemsPerDocument, int verificationDocuments, int rowsPerBatch, int steps, double peakLearningRate,
    long seed) {

  /** The decoder config (printable-ASCII character vocabulary, GPT-2 layout). */
  public DecoderConfig config() {
    return DecoderConfig.gpt2Like(CharVocabulary.printableAscii().size(), contextLength, layers, width, heads);
  }

  /** The same recipe with another step count (for quick trials). */
  public FamilyMember withSteps(int newSteps) {
    return new FamilyMember(name, layers, width, heads, contextLength, documents, problemsPerDocument,
        verificationDocuments, rowsPerBatch, newSteps, peakLearningRate, seed);
  }
}
