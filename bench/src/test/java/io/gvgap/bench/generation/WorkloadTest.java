package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkloadTest {
  @Test
  void parsesPromptsBySamples() {
    Workload workload = Workload.parse("8x128", 64);
    assertThat(workload).isEqualTo(new Workload(8, 128, 64));
    assertThat(workload.label()).isEqualTo("8x128");
    // 8 · 128 · 64
    assertThat(workload.generatedTokens()).isEqualTo(65_536);
  }

  @Test
  void rejectsMalformedAndEmptyWorkloads() {
    assertThatThrownBy(() -> Workload.parse("8x", 64))
        .hasMessageContaining("'8x' is not PROMPTSxSAMPLES");
    assertThatThrownBy(() -> Workload.parse("ax3", 64)).hasMessageContaining("'ax3'");
    assertThatThrownBy(() -> Workload.parse("0x4", 64))
        .hasMessageContaining("0x4 with 64 new tokens");
    assertThatThrownBy(() -> Workload.parse("2x4", 0))
        .hasMessageContaining("2x4 with 0 new tokens");
  }
}
