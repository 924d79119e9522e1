package io.gvgap.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The scripts and style sheet inlined into every report: ECharts from its webjar on the class path,
 * and the report's own {@code report.js} and {@code report.css}. Read once.
 */
final class InlineAssets {

  private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  static final String ECHARTS = loadEcharts();
  static final String APP_JS = resource("io/gvgap/reports/report.js");
  static final String CSS = resource("io/gvgap/reports/report.css");

  private InlineAssets() {}

  private static String loadEcharts() {
    Properties pom = new Properties();
    try (InputStream in = stream(ECHARTS_POM)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ECHARTS_POM, e);
    }
    String version = pom.getProperty("version");
    String script =
        resource("META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js");
    // the minified file ends without a source map comment today; drop one if a later version adds
    // it,
    // so that no tool is tempted to fetch the map
    return script.replaceAll("//# sourceMappingURL=\\S*\\s*$", "");
  }

  /** Reads a class-path resource as UTF-8, checking that it can sit inside a script or style element. */
  static String resource(String path) {
    try (InputStream in = stream(path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.contains("</script") || lower.contains("</style") || lower.contains("<!--")) {
        throw new IllegalStateException(
            path + " contains </script, </style or <!-- and cannot be inlined");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read class-path resource " + path, e);
    }
  }

  private static InputStream stream(String path) {
    InputStream in = InlineAssets.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          path + " is not on the class path; gvgap-reports needs its dependency "
              + "org.webjars.npm:echarts and its own resources");
    }
    return in;
  }
}
