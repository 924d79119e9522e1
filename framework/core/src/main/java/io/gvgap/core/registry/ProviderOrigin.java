package io.gvgap.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where a provider class came from (jar or class directory) and the version that location declares. */
final class ProviderOrigin {
  static final String UNKNOWN = "unknown";

  private static final Map<Path, String> VERSIONS = new ConcurrentHashMap<>();

  private ProviderOrigin() {}

  /** The jar file or class directory of the class, or "unknown" when its class loader does not say. */
  static String location(Class<?> type) {
    Path path = locationPath(type);
    return path == null ? UNKNOWN : path.toString();
  }

  /** The Implementation-Version of the location's manifest, else its single Maven pom.properties version. */
  static String version(Class<?> type) {
    Path path = locationPath(type);
    if (path == null) {
      return UNKNOWN;
    }
    return VERSIONS.computeIfAbsent(path, ProviderOrigin::readVersion);
  }

  private static Path locationPath(Class<?> type) {
    CodeSource source =
        type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null || !"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String readVersion(Path location) {
    try {
      if (Files.isDirectory(location)) {
        return readVersionFromDirectory(location);
      }
      if (Files.isRegularFile(location)) {
        return readVersionFromJar(location);
      }
    } catch (IOException e) {
      // A jar we cannot read has no known version; discovery itself already succeeded.
      return UNKNOWN;
    }
    return UNKNOWN;
  }

  private static String readVersionFromJar(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      String version =
          manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
      if (version != null && !version.isBlank()) {
        return version.trim();
      }
      List<JarEntry> poms = file.stream()
          .filter(entry -> entry.getName().startsWith("META-INF/maven/")
              && entry.getName().endsWith("/pom.properties"))
          .sorted(Comparator.comparing(JarEntry::getName))
          .collect(Collectors.toList());
      // A shaded jar carries several pom.properties; none of them is the jar's own version for
      // sure.
      if (poms.size() != 1) {
        return UNKNOWN;
      }
      try (InputStream in = file.getInputStream(poms.get(0))) {
        return versionFromProperties(in);
      }
    }
  }

  private static String readVersionFromDirectory(Path directory) throws IOException {
    Path manifestFile = directory.resolve("META-INF/MANIFEST.MF");
    if (Files.isRegularFile(manifestFile)) {
      try (InputStream in = Files.newInputStream(manifestFile)) {
        String version = new Manifest(in).getMainAttributes().getValue("Implementation-Version");
        if (version != null && !version.isBlank()) {
          return version.trim();
        }
      }
    }
    Path maven = directory.resolve("META-INF/maven");
    if (!Files.isDirectory(maven)) {
      return UNKNOWN;
    }
    List<Path> poms;
    try (Stream<Path> files = Files.walk(maven)) {
      poms = files
          .filter(p -> p.getFileName().toString().equals("pom.properties"))
          .sorted()
          .collect(Collectors.toList());
    }
    if (poms.size() != 1) {
      return UNKNOWN;
    }
    try (InputStream in = Files.newInputStream(poms.get(0))) {
      return versionFromProperties(in);
    }
  }

  private static String versionFromProperties(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(in);
    String version = properties.getProperty("version");
    return version == null || version.isBlank() ? UNKNOWN : version.trim();
  }
}
