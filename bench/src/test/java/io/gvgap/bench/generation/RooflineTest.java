package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RooflineTest {
  static BenchmarkRun paperShaped() {
    return new BenchmarkRun(
        "gpt2-small", "/m", new Workload(1, 64, 128), "/p.jsonl", 603, 64, 16, 1, 64);
  }

  @Test
  void thePaperShapedWorkloadsRooflinesFollowFromFlopsAndBytes() {
    var config = BenchmarkModel.gpt2Small().config();
    MatmulMeasurement machine = new MatmulMeasurement(512, 768, 3072, 2, 190e9, 45e9);
    // per token, attending 603 + 127/2 = 666.5 keys: per layer 4·768² + 2·768·3072 + 2·768·666.5
    // = 8,101,632 MACs, x12 + 768·50257 = 135,816,960 MACs = 271,633,920 FLOPs; 64 rows
    double flops = 64 * 271_633_920.0;
    // 124,439,808 parameters (GPT-2 small, tied head) x 4 bytes; logits 2·64·50257·4; KV 73,728
    // bytes per token (2·12·768·4): shared 603 + 64·63.5 tokens, per-sample 64·666.5 tokens
    double weights = 124_439_808.0 * 4;
    double logits = 2.0 * 64 * 50257 * 4;
    double shared = weights + logits + (603 + 64 * 63.5) * 73_728;
    double perSample = weights + logits + 64 * 666.5 * 73_728;
    assertThat(Roofline.tokensPerSecond(config, paperShaped(), machine, true))
        .isCloseTo(64 / (flops / 190e9 + shared / 45e9), within(1e-6));
    assertThat(Roofline.tokensPerSecond(config, paperShaped(), machine, false))
        .isCloseTo(64 / (flops / 190e9 + perSample / 45e9), within(1e-6));
    // the estimates at this machine: about 580 and 370-390 tokens/s
    assertThat(Roofline.tokensPerSecond(config, paperShaped(), machine, true))
        .isBetween(560.0, 600.0);
    assertThat(Roofline.tokensPerSecond(config, paperShaped(), machine, false))
        .isBetween(350.0, 400.0);
  }

  @Test
  void stepsHoldAtMostTheBatchRowsAndTheirPrompts() {
    BenchmarkRun many =
        new BenchmarkRun("small", "/m", new Workload(32, 16, 64), "/p", 300, 256, 128, 4, 16);
    assertThat(Roofline.rows(many)).isEqualTo(256);
    assertThat(Roofline.promptsPerStep(many)).isEqualTo(16);
    assertThat(Roofline.rows(paperShaped())).isEqualTo(64);
    assertThat(Roofline.promptsPerStep(paperShaped())).isEqualTo(1);
  }
}
