package io.gvgap.onnx.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.model.ScoringRequest;
import io.gvgap.api.model.ScoringResult;
import io.gvgap.onnx.runtime.OnnxLanguageModel;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code gvgap score MODEL_DIR} does: reads JSON Lines
 * ({@code {"id": "...", "context": "...", "continuations": ["...", ...]}}) and writes one line per
 * input: {@code id}, {@code logprobs} (natural log, summed over each continuation's tokens) and
 * {@code token_counts}, in input order.
 */
public final class ScoreCommandRunner {
  private ScoreCommandRunner() {}

  /**
   * Runs the command with the model at {@code modelDirectory}.
   *
   * @return the number of lines written
   */
  public static int run(
      Path modelDirectory,
      int threads,
      String device,
      int maxBatchRows,
      Reader input,
      String source,
      Writer output)
      throws IOException {
    List<ScoringRequest> requests = new ArrayList<>();
    for (JsonLines.Line line : JsonLines.read(input, source)) {
      List<String> continuations = line.texts("continuations", source, true);
      if (continuations.isEmpty()) {
        throw new IllegalArgumentException(
            source + " line " + line.number() + ": 'continuations' is empty");
      }
      requests.add(
          new ScoringRequest(line.text("id", source), line.text("context", source), continuations));
    }
    try (OnnxLanguageModel model =
        OnnxLanguageModel.open(modelDirectory, threads, device, maxBatchRows)) {
      for (ScoringResult result : model.score(requests)) {
        ObjectNode line = JsonLines.JSON.createObjectNode();
        line.put("id", result.id());
        var logProbs = line.putArray("logprobs");
        result.logProbs().forEach(logProbs::add);
        var counts = line.putArray("token_counts");
        result.tokenCounts().forEach(counts::add);
        output.write(JsonLines.JSON.writeValueAsString(line));
        output.write('\n');
      }
      output.flush();
    }
    return requests.size();
  }
}
