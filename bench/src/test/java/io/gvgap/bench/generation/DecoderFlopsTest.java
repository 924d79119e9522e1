package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gvgap.onnx.decoder.DecoderConfig;
import org.junit.jupiter.api.Test;

class DecoderFlopsTest {
  @Test
  void perTokenMatchesAHandCount() {
    // width 8, MLP 16, 2 layers, vocabulary 10, 5 keys: per layer 3·64 + 64 + 2·8·16 + 2·8·5 = 592
    // MACs;
    // 2 layers 1184, LM head 8·10 = 80, total 1264 MACs = 2528 FLOPs
    DecoderConfig config = new DecoderConfig(10, 32, 2, 8, 2, 16, true, 1e-5f);
    assertThat(DecoderFlops.perToken(config, 5)).isEqualTo(2528.0);
  }

  @Test
  void gpt2SmallWithoutAttentionIsTwiceItsMatrixParameters() {
    // 12 layers x (4·768² + 2·768·3072) = 84,934,656 plus the LM head 768·50,257 = 38,597,376:
    // 123,532,032 MACs, 247,064,064 FLOPs (the usual "2N" with N = weights used in products)
    assertThat(DecoderFlops.perToken(BenchmarkModel.gpt2Small().config(), 0))
        .isEqualTo(247_064_064.0);
  }

  @Test
  void perGeneratedTokenIsTheMeanOverTheSamplesTokens() {
    DecoderConfig config = BenchmarkModel.small().config();
    int prompt = 300;
    int newTokens = 64;
    double sum = 0;
    for (int i = 1; i <= newTokens; i++) {
      sum += DecoderFlops.perToken(config, prompt + i - 1);
    }
    assertThat(DecoderFlops.perGeneratedToken(config, prompt, newTokens))
        .isCloseTo(sum / newTokens, within(1e-6));
  }

  @Test
  void aPrefillCountsEveryPositionsProductsCausalAttentionAndOneHead() {
    var config = BenchmarkModel.small().config();
    // small: width 256, 4 layers, MLP 1024, vocabulary 98; 3 prompt positions attend 1, 2, 3 keys.
    // Per position and layer 4·256² + 2·256·1024 = 786,432 MACs; attention 2·256·(1 + 2 + 3) =
    // 3,072 MACs per layer; the head 256·98 = 25,088 MACs once.
    double macs = 4 * (3 * 786_432.0 + 3_072) + 25_088;
    assertThat(DecoderFlops.prefill(config, 3)).isEqualTo(2 * macs);
  }
}
