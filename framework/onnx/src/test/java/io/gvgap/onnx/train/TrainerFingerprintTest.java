package io.gvgap.onnx.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.onnx.decoder.DecoderConfig;
import org.junit.jupiter.api.Test;

/**
 * Which checkpoints a run may resume: the same model, data and optimiser settings; the thread count
 * and device may differ (a run stopped on one thread continues on two).
 */
class TrainerFingerprintTest {
  private static final DecoderConfig CONFIG = DecoderConfig.gpt2Like(14, 16, 1, 16, 2);

  private static String fingerprint(long seed, int threads, String device) {
    TrainerOptions options = new TrainerOptions(8, 30, 1e-2, 3, 0.1, 1.0, seed, 4, threads, device);
    return CONFIG + " " + options + " examples=40";
  }

  @Test
  void threadsAndDeviceDoNotMakeAnotherRun() {
    assertThat(Trainer.sameRun(fingerprint(5, 1, "cpu"), fingerprint(5, 2, "cpu")))
        .isTrue();
    assertThat(Trainer.sameRun(fingerprint(5, 1, "cpu"), fingerprint(5, 0, "cuda")))
        .isTrue();
  }

  @Test
  void anyTrainingSettingDoes() {
    assertThat(Trainer.sameRun(fingerprint(5, 1, "cpu"), fingerprint(6, 1, "cpu")))
        .isFalse();
    assertThat(Trainer.sameRun(fingerprint(5, 1, "cpu"), fingerprint(5, 1, "cpu") + "0"))
        .isFalse();
  }
}
