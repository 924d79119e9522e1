package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.DecoderParameters;
import org.junit.jupiter.api.Test;

class BenchmarkModelTest {
  @Test
  void gpt2SmallHasGpt2SmallsShapeAndParameterCount() {
    BenchmarkModel gpt2 = BenchmarkModel.named("gpt2-small");
    assertThat(gpt2.config())
        .isEqualTo(new DecoderConfig(50_257, 1024, 12, 768, 12, 3072, true, 1e-5f));
    // wte 50,257·768 = 38,597,376; wpe 1024·768 = 786,432; per layer 1,536 (ln_1) + 1,771,776
    // (c_attn 768·2304
    // + 2304) + 590,592 (attn c_proj 768·768 + 768) + 1,536 (ln_2) + 2,362,368 (c_fc 768·3072 +
    // 3072)
    // + 2,360,064 (mlp c_proj 3072·768 + 768) = 7,087,872, x12 = 85,054,464; ln_f 1,536:
    // 124,439,808,
    // the count Hugging Face reports for GPT-2 small
    assertThat(DecoderParameters.count(gpt2.config())).isEqualTo(124_439_808L);
  }

  @Test
  void smallIsTheAsciiDecoderAndUnknownNamesFail() {
    BenchmarkModel small = BenchmarkModel.named("small");
    assertThat(small.vocabulary()).isEqualTo(CharVocabulary.printableAscii());
    assertThat(small.config()).isEqualTo(DecoderConfig.gpt2Like(98, 512, 4, 256, 4));
    assertThatThrownBy(() -> BenchmarkModel.named("gpt3"))
        .hasMessageContaining("use 'small' or 'gpt2-small'");
    assertThatThrownBy(() -> new BenchmarkModel(
            "x", DecoderConfig.gpt2Like(99, 8, 1, 8, 1), CharVocabulary.printableAscii()))
        .hasMessageContaining("98 ids but the config's vocabSize is 99");
  }
}
