package io.gvgap.remote;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void ceilingDoublesFromTheBaseAndStopsAtThirtySeconds() {
    // by hand: 500 * 2^k = 500, 1000, 2000, 4000, ..., 32000 -> capped at 30000
    assertThat(Backoff.ceilingMillis(500, 0)).isEqualTo(500);
    assertThat(Backoff.ceilingMillis(500, 1)).isEqualTo(1000);
    assertThat(Backoff.ceilingMillis(500, 3)).isEqualTo(4000);
    assertThat(Backoff.ceilingMillis(500, 5)).isEqualTo(16000);
    assertThat(Backoff.ceilingMillis(500, 6)).isEqualTo(30000);
    assertThat(Backoff.ceilingMillis(500, 60)).isEqualTo(30000);
  }

  @Test
  void delayIsJitteredBetweenHalfTheCeilingAndTheCeilingAndHonoursRetryAfter() {
    for (int i = 0; i < 200; i++) {
      assertThat(Backoff.delayMillis(1000, 2, -1)).isBetween(2000L, 4000L);
      assertThat(Backoff.delayMillis(10, 0, 5000)).isEqualTo(5000);
      assertThat(Backoff.delayMillis(10, 0, 90_000)).isEqualTo(30_000);
    }
  }

  @Test
  void retryAfterInSecondsIsParsedAndDatesAreIgnored() {
    assertThat(Backoff.parseRetryAfter("2")).isEqualTo(2000);
    assertThat(Backoff.parseRetryAfter(" 1.5 ")).isEqualTo(1500);
    assertThat(Backoff.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(-1);
    assertThat(Backoff.parseRetryAfter(null)).isEqualTo(-1);
  }
}
