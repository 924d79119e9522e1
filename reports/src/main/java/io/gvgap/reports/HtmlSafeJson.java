package io.gvgap.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.Json;

/**
 * JSON text that can sit inside {@code <script type="application/json">} whatever strings it holds:
 * {@code <}, {@code >} and {@code &} become {@code \u003c}, {@code \u003e}, {@code \u0026}, so no
 * {@code </script>} or {@code <!--} can end or confuse the element, and U+2028/U+2029 become escapes
 * so that the text is also valid JavaScript. {@code JSON.parse} reads the same values back.
 */
public final class HtmlSafeJson {

  private HtmlSafeJson() {}

  /** The tree as HTML-safe JSON text. */
  public static String write(JsonNode tree) {
    try {
      return escape(Json.mapper().writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report data as JSON", e);
    }
  }

  /**
   * Escapes JSON text. The characters replaced can only occur inside JSON strings, where a
   * backslash-u escape (four hex digits) means the same character.
   */
  public static String escape(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
