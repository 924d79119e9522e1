package io.gvgap.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.core.openai.LegacyLogProbs;
import io.gvgap.core.openai.OpenAiJson;
import org.junit.jupiter.api.Test;

class EchoScoringTest {

  private static LegacyLogProbs read(String json) {
    return OpenAiJson.read(json, LegacyLogProbs.class);
  }

  @Test
  void sumsTheTokensStartingInsideTheContinuation() throws Exception {
    // "ab" + "cd" + one generated token "e" at offset 4: the continuation's tokens are at 2 and 3
    var logprobs = read("{\"tokens\":[\"a\",\"b\",\"c\",\"d\",\"e\"],"
        + "\"token_logprobs\":[null,-1.0,-2.0,-3.0,-4.0],\"text_offset\":[0,1,2,3,4]}");
    EchoScoring.Sum sum = EchoScoring.sum(logprobs, 2, 2);
    assertThat(sum.logProb()).isEqualTo(-5.0); // -2 + -3 by hand
    assertThat(sum.tokens()).isEqualTo(2);
  }

  @Test
  void aTokenCrossingTheBoundaryCountsAsContext() throws Exception {
    // tokens "abc" [0,3), "de" [3,5), "f" [5,6); context "abcd" (4), continuation "ef" (2)
    var logprobs = read("{\"tokens\":[\"abc\",\"de\",\"f\"],"
        + "\"token_logprobs\":[null,-1.5,-0.25],\"text_offset\":[0,3,5]}");
    EchoScoring.Sum sum = EchoScoring.sum(logprobs, 4, 2);
    assertThat(sum.logProb()).isEqualTo(-0.25);
    assertThat(sum.tokens()).isEqualTo(1);
  }

  @Test
  void noPromptLogprobsMeansNull() throws Exception {
    assertThat(EchoScoring.sum(null, 1, 1)).isNull();
    assertThat(EchoScoring.sum(read("{\"tokens\":[\"x\"]}"), 1, 1)).isNull();
    // a continuation token without a value (first token of an empty context) cannot be summed
    assertThat(EchoScoring.sum(read("{\"token_logprobs\":[null],\"text_offset\":[0]}"), 0, 1))
        .isNull();
  }
}
