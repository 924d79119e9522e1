package io.gvgap.onnx.runtime;

import ai.onnxruntime.OrtException;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Log-probabilities of continuations after a context: each (context, continuation) pair is one
 * sequence {@code context tokens + continuation tokens} (tokenised separately, the continuation
 * without special tokens), sequences are right-padded into batches, and the continuation's tokens'
 * log-softmax values are summed.
 */
final class ContinuationScorer {
  private final DecoderRunner runner;
  private final TextTokenizer tokenizer;
  private final GenerationEngine engine;
  private final ModelConfig config;
  private final int maxBatchRows;

  ContinuationScorer(
      DecoderRunner runner,
      TextTokenizer tokenizer,
      GenerationEngine engine,
      ModelConfig config,
      int maxBatchRows) {
    this.runner = runner;
    this.tokenizer = tokenizer;
    this.engine = engine;
    this.config = config;
    this.maxBatchRows = maxBatchRows;
  }

  private record Sequence(int request, int continuation, long[] tokens, int contextLength) {}

  List<ScoringResult> score(List<ScoringRequest> requests) throws OrtException {
    List<Sequence> sequences = new ArrayList<>();
    double[][] logProbs = new double[requests.size()][];
    int[][] counts = new int[requests.size()][];
    for (int r = 0; r < requests.size(); r++) {
      ScoringRequest request = requests.get(r);
      long[] context = engine.encodePrompt(request.id(), request.context());
      logProbs[r] = new double[request.continuations().size()];
      counts[r] = new int[request.continuations().size()];
      for (int c = 0; c < request.continuations().size(); c++) {
        long[] continuation = tokenizer.encode(request.continuations().get(c), false);
        long[] tokens = new long[context.length + continuation.length];
        System.arraycopy(context, 0, tokens, 0, context.length);
        System.arraycopy(continuation, 0, tokens, context.length, continuation.length);
        if (config.contextLength() > 0 && tokens.length > config.contextLength()) {
          throw new IllegalArgumentException(
              "scoring request '" + request.id() + "', continuation " + c + ": context "
                  + "plus continuation are " + tokens.length
                  + " tokens, more than the model's context length "
                  + config.contextLength());
        }
        counts[r][c] = continuation.length;
        if (continuation.length > 0) {
          sequences.add(new Sequence(r, c, tokens, context.length));
        }
      }
    }
    sequences.sort(Comparator.comparingInt((Sequence s) -> s.tokens().length));
    int start = 0;
    while (start < sequences.size()) {
      int end = start + 1;
      while (end < sequences.size()
          && end - start < maxBatchRows
          && (long) (end - start + 1) * sequences.get(end).tokens().length * runner.vocab()
              <= GenerationEngine.PREFILL_LOGITS_BUDGET) {
        end++;
      }
      scoreBatch(sequences.subList(start, end), logProbs);
      start = end;
    }
    List<ScoringResult> results = new ArrayList<>();
    for (int r = 0; r < requests.size(); r++) {
      List<Double> values = new ArrayList<>();
      List<Integer> tokenCounts = new ArrayList<>();
      for (int c = 0; c < logProbs[r].length; c++) {
        values.add(logProbs[r][c]);
        tokenCounts.add(counts[r][c]);
      }
      results.add(new ScoringResult(requests.get(r).id(), values, tokenCounts));
    }
    return results;
  }

  private void scoreBatch(List<Sequence> batch, double[][] logProbs) throws OrtException {
    int rows = batch.size();
    int length = batch.get(rows - 1).tokens().length;
    LongBuffer ids = runner.inputIds(rows, length);
    LongBuffer mask = runner.attentionMask(rows, length);
    LongBuffer positions = runner.positionIds(rows, length);
    for (Sequence sequence : batch) {
      for (int t = 0; t < length; t++) {
        boolean real = t < sequence.tokens().length;
        ids.put(real ? sequence.tokens()[t] : sequence.tokens()[0]);
        mask.put(real ? 1 : 0);
        positions.put(real ? t : 0);
      }
    }
    int vocab = runner.vocab();
    try (DecoderRunner.Step step = runner.run(rows, length, length, null, null, false)) {
      FloatBuffer logits = step.logits();
      for (int r = 0; r < rows; r++) {
        Sequence sequence = batch.get(r);
        double sum = 0;
        for (int t = sequence.contextLength(); t < sequence.tokens().length; t++) {
          int offset = (r * length + t - 1) * vocab;
          sum += logSoftmax(logits, offset, vocab, (int) sequence.tokens()[t]);
        }
        logProbs[sequence.request()][sequence.continuation()] = sum;
      }
    }
  }

  private static double logSoftmax(FloatBuffer logits, int offset, int vocab, int token) {
    float max = Float.NEGATIVE_INFINITY;
    for (int v = 0; v < vocab; v++) {
      max = Math.max(max, logits.get(offset + v));
    }
    double sum = 0;
    for (int v = 0; v < vocab; v++) {
      sum += Math.exp(logits.get(offset + v) - max);
    }
    return logits.get(offset + token) - max - Math.log(sum);
  }
}
