package io.gvgap.cli;

import io.gvgap.launcher.GvgapVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code gvgap --version}: gvgap's version, as the launcher records it in every run. */
public final class Version implements IVersionProvider {

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    return GvgapVersion.current();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"gvgap " + current(), "Java " + System.getProperty("java.version")};
  }
}
