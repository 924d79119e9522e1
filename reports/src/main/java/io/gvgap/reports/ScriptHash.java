package io.gvgap.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Content-Security-Policy source expressions that allow one exact inline script or style. */
public final class ScriptHash {

  private ScriptHash() {}

  /**
   * {@code 'sha256-<base64>'} of the UTF-8 bytes of {@code content}, which must be exactly the text
   * between the element's tags (CSP Level 2 hash source).
   */
  public static String sha256Source(String content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
