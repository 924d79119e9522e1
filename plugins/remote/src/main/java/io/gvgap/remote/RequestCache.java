package io.gvgap.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Responses stored by the SHA-256 of (endpoint URL, request body). The URL names the server and
 * the endpoint ({@code base_url} + {@code /completions} or {@code /chat/completions}); the body
 * holds the model name, every sampling parameter, the prompt, n and the seed: everything that
 * determines a response, so equal keys mean equal requests to the same server, and a spec pointed
 * at another server or model never reads the first one's answers. Each entry is
 * written to a temporary file and moved into place atomically: a crash leaves either no entry or a
 * whole one. The API key is never part of a body, so it is never written here.
 */
final class RequestCache {
  private final Path directory;

  RequestCache(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the request cache directory " + directory + " (cache_dir): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The key of a request.
   *
   * @param endpoint the full endpoint URL, e.g. {@code http://host:8000/v1/completions}
   * @param body the JSON body sent
   */
  static String key(String endpoint, String body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(endpoint.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(body.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private Path file(String key) {
    return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
  }

  /** The stored response, or null when there is none. */
  String get(String key) {
    Path file = file(key);
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return null;
    }
  }

  void put(String key, String response) {
    Path file = file(key);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), key, ".tmp");
      Files.writeString(tmp, response, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the request cache entry " + file + ": " + e.getMessage(), e);
    }
  }
}
