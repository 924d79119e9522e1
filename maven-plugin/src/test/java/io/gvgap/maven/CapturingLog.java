package io.gvgap.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps the info and warning lines for assertions (and still prints them). */
final class CapturingLog extends SystemStreamLog {

  final List<String> lines = new ArrayList<>();

  @Override
  public void info(CharSequence content) {
    lines.add(content.toString());
  }

  @Override
  public void warn(CharSequence content) {
    lines.add("WARN " + content);
  }

  String text() {
    return String.join("\n", lines);
  }
}
