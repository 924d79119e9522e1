package io.gvgap.tasks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmark files ship with the repository, unchanged (the checksums of the upstream files), each
 * with its licence and attribution beside it, so a fresh clone with nothing beside it runs every test.
 */
class BenchmarkDataTest {

  @ParameterizedTest
  @CsvSource({
    "gsm8k/test.jsonl, 1319, 3730d312f6e3440559ace48831e51066acaca737f6eabec99bccb9e4b3c39d14, gsm8k/LICENSE",
    "nq-open/dev.jsonl, 3610, f15567f38099f3615f5b8a685c0aef449c11ad90d3da3735e8d1b98115b40616, nq-open/LICENSE.md"
  })
  void shipsUnchangedWithItsLicence(String file, int lines, String sha256, String licence)
      throws IOException, NoSuchAlgorithmException {
    Path path = BenchmarkData.file(file);
    assertThat(path.getParent().getParent().getParent().resolve("pom.xml"))
        .as("inside the repository")
        .exists();
    assertThat(Files.readAllLines(path)).hasSize(lines);
    String digest = HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    assertThat(digest).as("%s is the upstream file, unchanged", file).isEqualTo(sha256);
    Path licenceFile = BenchmarkData.file(licence);
    assertThat(licenceFile.getParent()).isEqualTo(path.getParent());
    assertThat(Files.readString(licenceFile)).containsAnyOf("MIT License", "CC BY-SA 3.0");
    String readme = Files.readString(BenchmarkData.file("README.md"));
    assertThat(readme).contains("`" + file + "`");
  }

  @Test
  void aMissingFileFailsWithWhereItShouldBe() {
    assertThatThrownBy(() -> BenchmarkData.file("gsm8k/no-such-file.jsonl"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("data/gsm8k/no-such-file.jsonl is missing")
        .hasMessageContaining("git checkout -- data");
  }
}
