package io.gvgap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's module table lists exactly the parent pom's modules, each with its artifact id. */
class ModuleTableTest {

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern ROW =
      Pattern.compile("(?m)^\\| `([^`]+)` \\| `(gvgap-[a-z-]+)` \\|");

  @Test
  void theReadmesModuleTableMatchesTheBuild() throws IOException {
    Path root = repositoryRoot();
    Map<String, String> built = new LinkedHashMap<>();
    Matcher modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")));
    while (modules.find()) {
      String folder = modules.group(1);
      built.put(folder, artifactOf(root.resolve(folder).resolve("pom.xml")));
    }
    Map<String, String> documented = new LinkedHashMap<>();
    Matcher rows = ROW.matcher(Files.readString(root.resolve("README.md")));
    while (rows.find()) {
      documented.put(rows.group(1), rows.group(2));
    }
    assertThat(built).as("modules of the parent pom").hasSizeGreaterThan(10);
    assertThat(documented).as("README.md's module table (folder -> artifact)").isEqualTo(built);
  }

  private static String artifactOf(Path pom) throws IOException {
    String text = Files.readString(pom);
    int parentEnd = text.indexOf("</parent>");
    Matcher artifact = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(text);
    while (artifact.find()) {
      if (artifact.start() > parentEnd) {
        return artifact.group(1);
      }
    }
    throw new IllegalStateException(pom + " names no artifactId");
  }

  private static Path repositoryRoot() throws IOException {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom)
          && Files.readString(pom).contains("<artifactId>gvgap-parent</artifactId>")
          && Files.readString(pom).contains("<modules>")) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no gvgap-parent pom.xml above " + Path.of("").toAbsolutePath());
  }
}
