package io.gvgap.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pre-training a (very small) member in stages, and a rerun that continues after the last finished stage. */
class PretrainRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path models;

  private static final FamilyMember TINY = new FamilyMember(
      "tiny",
      1,
      8,
      2,
      640,
      2,
      9,
      List.of(
          new FamilyMember.Stage(8, 2, 3, 1e-3, 0.5, 0.25),
          new FamilyMember.Stage(8, 2, 2, 1e-3, 0.5, 0.25)));

  @Test
  void anEarlierStageIsMarkedFinishedAndARerunContinuesFromItWithTheSameCounts() throws Exception {
    List<String> firstLog = new ArrayList<>();
    JsonNode first = PretrainRunner.run(TINY, models, 1, 2, firstLog::add);
    JsonNode stageCard = JSON.readTree(
        models.resolve("tiny.stage-1").resolve(ModelDirectory.MODEL_CARD_FILE).toFile());
    // stage 1's card carries its own figures and the cumulative ones (the same after one stage)
    assertThat(stageCard.path("lastStageSteps").asLong()).isEqualTo(3);
    assertThat(stageCard.path("steps").asLong()).isEqualTo(3);
    long stageTokens = stageCard.path("lastStageTokensSeen").asLong();
    assertThat(stageTokens).isPositive();
    assertThat(stageCard.path("tokensSeen").asLong()).isEqualTo(stageTokens);
    // the final card adds both stages: 3 + 2 steps, stage 1's tokens plus the last stage's
    assertThat(first.path("steps").asLong()).isEqualTo(5);
    assertThat(first.path("tokensSeen").asLong())
        .isEqualTo(stageTokens + first.path("lastStageTokensSeen").asLong());
    assertThat(firstLog).noneMatch(line -> line.contains("already trained"));

    List<String> secondLog = new ArrayList<>();
    JsonNode second = PretrainRunner.run(TINY, models, 1, 2, secondLog::add);
    assertThat(secondLog).anyMatch(line -> line.contains("tiny: stages 1 to 1 already trained"));
    assertThat(secondLog).noneMatch(line -> line.startsWith("tiny stage 1 "));
    // one ONNX Runtime thread: the continued run repeats the last stage bitwise, so every count and
    // the loss agree
    assertThat(second.path("steps").asLong()).isEqualTo(5);
    assertThat(second.path("tokensSeen").asLong())
        .isEqualTo(first.path("tokensSeen").asLong());
    assertThat(second.path("finalLoss").asDouble())
        .isEqualTo(first.path("finalLoss").asDouble());
    assertThat(second.path("recipe").asText())
        .isEqualTo(first.path("recipe").asText())
        .contains("stage 2: 8 documents");
  }
}
