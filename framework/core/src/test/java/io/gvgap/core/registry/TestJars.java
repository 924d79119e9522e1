package io.gvgap.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small plugin jars during a test, and a class loader that hides the classes they carry. */
final class TestJars {
  static final String ISOLATED_PACKAGE = "io.gvgap.core.testplugins.isolated.";
  static final String FILTER_SERVICE = "META-INF/services/io.gvgap.api.filter.FilterProvider";

  private final Map<String, byte[]> entries = new LinkedHashMap<>();
  private String implementationVersion;

  /** Adds the compiled class of a test type (copied from the test classpath). */
  TestJars withClass(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
      entries.put(resource, in.readAllBytes());
    }
    return this;
  }

  /** Adds a text file. */
  TestJars withText(String path, String text) {
    entries.put(path, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Sets the manifest's Implementation-Version. */
  TestJars withImplementationVersion(String version) {
    this.implementationVersion = version;
    return this;
  }

  /** Writes the jar. */
  Path writeTo(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (implementationVersion != null) {
      manifest
          .getMainAttributes()
          .put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new JarEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  /**
   * The test class loader minus the isolated test plugins, so that a plugin jar's copy of them is
   * loaded from the jar (and reports the jar as its location) rather than from test-classes.
   */
  static ClassLoader hidingIsolatedPlugins() {
    ClassLoader testLoader = TestJars.class.getClassLoader();
    return new ClassLoader("hide-isolated", testLoader) {
      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(ISOLATED_PACKAGE)) {
          throw new ClassNotFoundException(name + " is hidden so that it loads from a plugin jar");
        }
        return super.loadClass(name, resolve);
      }
    };
  }
}
