package io.gvgap.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version comes from the build, never a made-up string. */
class GvgapVersionTest {

  @Test
  void theVersionIsTheProjectVersionOfThePom() throws Exception {
    // surefire runs in the module's directory; the module inherits the parent's version
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher parent = Pattern.compile(
            "<parent>.*?<version>([^<]+)</version>.*?</parent>", Pattern.DOTALL)
        .matcher(pom);
    assertThat(parent.find()).isTrue();
    assertThat(GvgapVersion.current()).isEqualTo(parent.group(1)).doesNotContain("${");
  }
}
