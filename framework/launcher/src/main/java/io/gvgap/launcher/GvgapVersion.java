package io.gvgap.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * gvgap's version, the one place that knows it: the build writes it into this module's
 * {@code gvgap-version.properties}, it is read once, and every run directory, command line and
 * Maven goal records or shows this value.
 */
public final class GvgapVersion {

  private static final String RESOURCE = "gvgap-version.properties";
  private static final String VERSION = read();

  private GvgapVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = GvgapVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "gvgap-launcher's " + RESOURCE + " is missing from the class path; the"
                + " jar is damaged or was not built by Maven (build it with mvn install)");
      }
      Properties p = new Properties();
      p.load(in);
      String version = p.getProperty("version", "");
      if (version.isBlank() || version.contains("${")) {
        throw new IllegalStateException(
            "gvgap-launcher's " + RESOURCE + " holds no version ('" + version + "');"
                + " it was not filtered by the Maven build (build it with mvn install)");
      }
      return version.strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read gvgap-launcher's " + RESOURCE, e);
    }
  }
}
