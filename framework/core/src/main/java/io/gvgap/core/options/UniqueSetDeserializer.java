package io.gvgap.core.options;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** A {@code Set} option: a list whose values are all different, kept in the spec's order. */
final class UniqueSetDeserializer extends StdDeserializer<Set<Object>> {
  private static final long serialVersionUID = 1L;

  private final JavaType type;

  UniqueSetDeserializer(JavaType type) {
    super(type);
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<Object> deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    if (!parser.isExpectedStartArrayToken()) {
      return (Set<Object>) context.handleUnexpectedToken(type, parser);
    }
    Set<Object> set = new LinkedHashSet<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      JsonNode node = context.readTree(parser);
      Object item;
      try {
        item = context.readTreeAsValue(node, type.getContentType());
      } catch (IOException | RuntimeException e) {
        throw JsonMappingException.wrapWithPath(e, set, index);
      }
      if (!set.add(item)) {
        JsonMappingException repeated = new OptionValueException(
            parser,
            "duplicate value " + OptionsErrors.shown(node) + " in a set; list each value once");
        repeated.prependPath(set, index);
        throw repeated;
      }
      index++;
    }
    return Collections.unmodifiableSet(set);
  }
}
