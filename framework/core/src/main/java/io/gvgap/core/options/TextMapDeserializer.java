package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code Map<String, String>} option (such as HTTP headers): a mapping whose values may be
 * written as any scalar ({@code retries: 3}) and are kept as their text.
 */
final class TextMapDeserializer extends StdDeserializer<Map<String, String>> {
  private static final long serialVersionUID = 1L;

  TextMapDeserializer() {
    super(Map.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, String> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.isExpectedStartObjectToken()) {
      return (Map<String, String>) context.handleUnexpectedToken(Map.class, parser);
    }
    JsonNode tree = context.readTree(parser);
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : tree.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        JsonMappingException wrong = new OptionValueException(
            parser, "expected a string, number or boolean, was " + OptionsErrors.shown(value));
        wrong.prependPath(map, entry.getKey());
        throw wrong;
      }
      map.put(entry.getKey(), value.asText());
    }
    return Collections.unmodifiableMap(map);
  }
}
