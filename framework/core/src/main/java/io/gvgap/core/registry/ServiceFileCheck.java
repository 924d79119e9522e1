package io.gvgap.core.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Explains the one {@link java.util.ServiceLoader} failure whose own text ("Provider X not a
 * subtype") does not say what to do: a class listed in the service file of an extension point it
 * does not implement, most often a task provider listed in the filter file by a copy-and-paste.
 */
final class ServiceFileCheck {

  private ServiceFileCheck() {}

  /**
   * A message naming the first class that {@code kind}'s service files list but that does not
   * implement {@code kind}'s service interface, with the file it should be listed in; empty when every
   * listed class that loads implements it (the failure then has another cause).
   */
  static Optional<String> misfiledProvider(ExtensionPoint kind, ClassLoader classLoader) {
    String file = "META-INF/services/" + kind.serviceType().getName();
    try {
      for (URL url : Collections.list(classLoader.getResources(file))) {
        for (String className : classNames(url)) {
          Class<?> type;
          try {
            type = Class.forName(className, false, classLoader);
          } catch (ClassNotFoundException | LinkageError e) {
            continue; // a missing class is explained well enough by ServiceLoader's own message
          }
          if (!kind.serviceType().isAssignableFrom(type)) {
            return Optional.of(message(kind, file, url, type));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static String message(ExtensionPoint kind, String file, URL url, Class<?> type) {
    String advice = ExtensionPoint.implementedBy(type)
        .map(actual -> " It is a " + actual.label() + " provider ("
            + actual.serviceType().getName() + "): list it in" + " META-INF/services/"
            + actual.serviceType().getName() + " instead.")
        .orElse(" Make it implement " + kind.serviceType().getName() + ", or remove the line.");
    return "The class " + type.getName() + " is listed in " + file + " (" + url + ") but is not a "
        + kind.label() + " provider: it does not implement "
        + kind.serviceType().getName() + "." + advice;
  }

  /** The class names a service file lists: one per line, '#' starts a comment (the ServiceLoader format). */
  private static List<String> classNames(URL url) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
