package io.gvgap.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSeedsAndCacheTest {

  @TempDir
  Path tmp;

  @Test
  void seedsAreStableNonNegativeAndDifferPerSeedIdAndFirstIndex() {
    assertThat(RequestSeeds.seed(5, "ex-1", 0)).isEqualTo(RequestSeeds.seed(5, "ex-1", 0));
    Set<Long> seeds = new HashSet<>();
    for (long seed = 0; seed < 5; seed++) {
      for (int id = 0; id < 20; id++) {
        for (int first = 0; first < 5; first++) {
          long s = RequestSeeds.seed(seed, "ex-" + id, first);
          assertThat(s).isBetween(0L, (long) Integer.MAX_VALUE);
          seeds.add(s);
        }
      }
    }
    assertThat(seeds).hasSize(500);
  }

  @Test
  void cacheKeysDependOnTheServerTheEndpointAndTheBodyAndEntriesRoundTripWithoutTemporaryFiles()
      throws IOException {
    String body = "{\"model\":\"m\",\"prompt\":\"p\",\"seed\":1}";
    String key = RequestCache.key("http://a:8000/v1/completions", body);
    // SHA-256 is 64 hex digits
    assertThat(key).hasSize(64).matches("[0-9a-f]+");
    assertThat(RequestCache.key("http://b:8000/v1/completions", body))
        .as("another server")
        .isNotEqualTo(key);
    assertThat(RequestCache.key("http://a:8000/v1/chat/completions", body)).isNotEqualTo(key);
    assertThat(RequestCache.key("http://a:8000/v1/completions", body.replace("1", "2")))
        .isNotEqualTo(key);
    assertThat(RequestCache.key("http://a:8000/v1/completions", body.replace("\"m\"", "\"m2\"")))
        .as("another model")
        .isNotEqualTo(key);
    RequestCache cache = new RequestCache(tmp.resolve("cache"));
    assertThat(cache.get(key)).isNull();
    cache.put(key, "{\"choices\":[]}");
    assertThat(cache.get(key)).isEqualTo("{\"choices\":[]}");
    assertThat(new RequestCache(tmp.resolve("cache")).get(key)).isEqualTo("{\"choices\":[]}");
    try (Stream<Path> files = Files.walk(tmp.resolve("cache"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly(key + ".json");
    }
  }
}
