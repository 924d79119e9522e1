package io.gvgap.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.results.DiversityFile;
import io.gvgap.core.results.DiversitySummary;
import io.gvgap.core.results.ScalingFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files round-trip through their records, and every way a file can be wrong names file, line and field. */
class JsonFilesTest {

  @TempDir
  Path tmp;

  @Test
  void aWrittenFileReadsBackEqualWithUndefinedMeansAsNull() throws Exception {
    Path file = tmp.resolve("diversity.json");
    DiversityFile written = new DiversityFile(
        List.of(new DiversitySummary("m", "t", 0, Double.NaN, 1.5, 2, 0.5, List.of())));
    JsonFiles.write(file, written);
    assertThat(Files.readString(file)).contains("\"meanDistinctSolutions\" : null");
    assertThat(JsonFiles.read(file, DiversityFile.class)).isEqualTo(written);
  }

  @Test
  void anUnknownKeyIsNamedWithItsPathAndTheNearestAllowedKey() throws Exception {
    Path file = tmp.resolve("diversity.json");
    Files.writeString(file, "{\"groups\": [\n  {\"model\": \"m\", \"taks\": \"t\"}]}\n");
    assertThatThrownBy(() -> JsonFiles.read(file, DiversityFile.class))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith(file + ":2:")
        .hasMessageContaining(
            "groups[0].taks: unknown key 'taks'; did you mean 'task'? allowed keys here: ")
        .hasMessageNotContaining("REDACTED")
        .hasMessageNotContaining("Source");
  }

  @Test
  void aWrongKindOfValueSaysWhatWasExpectedAndWhatWasFound() throws Exception {
    Path file = tmp.resolve("scaling.json");
    Files.writeString(file, "{\"run\": \"r\",\n \"models\": {\"label\": \"x\"}}");
    assertThatThrownBy(() -> JsonFiles.read(file, ScalingFile.class))
        .hasMessage(file + ":2:12: models: expected a list, was a mapping");
  }

  @Test
  void aTruncatedFileAndBrokenSyntaxAreReportedWithoutJacksonsSourceExcerpt() throws Exception {
    Path truncated = tmp.resolve("cut.json");
    Files.writeString(truncated, "{\"groups\": [");
    assertThatThrownBy(() -> JsonFiles.read(truncated, DiversityFile.class))
        .hasMessageStartingWith(truncated + ":1:")
        .hasMessageContaining("truncated")
        .hasMessageNotContaining("REDACTED");
    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"groups\": [}]");
    assertThatThrownBy(() -> JsonFiles.read(broken, DiversityFile.class))
        .hasMessageStartingWith(broken + ":1:13: ")
        .hasMessageContaining("not valid JSON")
        .hasMessageNotContaining("REDACTED");
  }

  @Test
  void aFileThatIsNotUtf8OrIsADirectorySaysSoWithItsPath() throws Exception {
    Path latin1 = tmp.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    assertThatThrownBy(() -> JsonFiles.read(latin1, DiversityFile.class))
        .hasMessage(latin1 + ":1:1: the file is not UTF-8 text; save it as UTF-8");
    assertThatThrownBy(() -> JsonFiles.read(tmp, DiversityFile.class))
        .hasMessage(tmp + ":1:1: this is a directory, not a file; name the file inside it");
  }
}
