package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptHashTest {

  @Test
  void hashSourcesOfKnownTexts() {
    // SHA-256("abc") is the FIPS 180-2 test vector ba7816bf...f20015ad, in base64:
    assertThat(ScriptHash.sha256Source("abc"))
        .isEqualTo("'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='");
    // the CSP example that MDN documents for script-src hashes
    assertThat(ScriptHash.sha256Source("alert('Hello, world.');"))
        .isEqualTo("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
  }
}
