package io.gvgap.onnx.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.GenerationRequest;
import io.gvgap.api.model.SamplingParams;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import io.gvgap.onnx.runtime.SampleResult;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code gvgap generate MODEL_DIR} does: reads prompts as JSON Lines
 * ({@code {"id": "...", "prompt": "...", "stop": ["..."]}}, {@code stop} optional) and writes one
 * JSON line per sample: {@code id}, {@code sample}, {@code text}, {@code token_ids},
 * {@code token_count}, {@code logprob}, {@code finish_reason}. Samples come out by input order,
 * then sample index.
 */
public final class GenerateCommandRunner {
  /** Prompts given to the model per call, which bounds memory on long inputs. */
  static final int PROMPTS_PER_CALL = 256;

  /**
   * Options of a generate command.
   *
   * @param modelDirectory the model directory
   * @param samples samples per prompt
   * @param params temperature (0 = greedy), top-p, top-k, max new tokens, seed
   * @param threads ONNX Runtime threads, 0 for its default
   * @param device cpu or cuda
   * @param maxBatchRows most sequences per ONNX Runtime call
   */
  public record Options(
      Path modelDirectory,
      int samples,
      SamplingParams params,
      int threads,
      String device,
      int maxBatchRows) {
    /** Validates the sample count. */
    public Options {
      if (samples < 1) {
        throw new IllegalArgumentException("samples must be >= 1, was " + samples);
      }
    }
  }

  private GenerateCommandRunner() {}

  /**
   * Runs the command; {@code source} names the input in error messages (a file name or "stdin").
   *
   * @return the number of samples written
   */
  public static int run(Options options, Reader input, String source, Writer output)
      throws IOException {
    List<JsonLines.Line> lines = JsonLines.read(input, source);
    List<GenerationRequest> requests = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonLines.Line line : lines) {
      String id = line.text("id", source);
      if (!ids.add(id)) {
        throw new IllegalArgumentException(
            source + " line " + line.number() + ": id '" + id + "' appears twice");
      }
      requests.add(new GenerationRequest(
          id,
          line.text("prompt", source),
          0,
          options.samples(),
          line.texts("stop", source, false)));
    }
    int written = 0;
    try (OnnxLanguageModel model = OnnxLanguageModel.open(
        options.modelDirectory(), options.threads(), options.device(), options.maxBatchRows())) {
      for (int from = 0; from < requests.size(); from += PROMPTS_PER_CALL) {
        List<GenerationRequest> chunk =
            requests.subList(from, Math.min(requests.size(), from + PROMPTS_PER_CALL));
        List<String> order = chunk.stream().map(GenerationRequest::id).toList();
        List<SampleResult> samples =
            new ArrayList<>(model.generateSamples(chunk, options.params()));
        samples.sort(Comparator.comparingInt((SampleResult s) -> order.indexOf(s.requestId()))
            .thenComparingInt(SampleResult::sampleIndex));
        for (SampleResult sample : samples) {
          ObjectNode line = JsonLines.JSON.createObjectNode();
          line.put("id", sample.requestId());
          line.put("sample", sample.sampleIndex());
          line.put("text", sample.text());
          var tokenIds = line.putArray("token_ids");
          for (long token : sample.tokenIds()) {
            tokenIds.add(token);
          }
          line.put("token_count", sample.tokenIds().length);
          line.put("logprob", sample.logProb());
          line.put(
              "finish_reason", sample.finishReason().name().toLowerCase(java.util.Locale.ROOT));
          output.write(JsonLines.JSON.writeValueAsString(line));
          output.write('\n');
          written++;
        }
        output.flush();
      }
    }
    return written;
  }
}
