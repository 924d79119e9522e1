package io.gvgap.core.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A field that OpenAI allows as one string or a list of strings ({@code prompt}, {@code stop}),
 * bound to a {@code List<String>}. Reading: an element that is not a string fails with its index in
 * the path, so the error reads {@code prompt[3]}. Writing: one element is written as a plain
 * string (what every server accepts), more as a list.
 */
final class StringOrList {
  private StringOrList() {}

  /** Reads a string or a list of strings. */
  static final class Reader extends StdDeserializer<List<String>> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(List.class);
    }

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      List<String> out = new ArrayList<>();
      if (p.currentToken() == JsonToken.VALUE_STRING) {
        out.add(p.getText());
        return out;
      }
      if (p.currentToken() != JsonToken.START_ARRAY) {
        throw MismatchedInputException.from(
            p,
            List.class,
            "must be a string or a list of strings, was " + OpenAiJson.describe(p.currentToken()));
      }
      Object max = ctxt.getAttribute(OpenAiJson.MAX_LIST_ELEMENTS);
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (max instanceof Integer limit && out.size() >= limit) {
          throw MismatchedInputException.from(
              p,
              List.class,
              "has more than " + limit + " elements; "
                  + ctxt.getAttribute(OpenAiJson.BEYOND_LIST_LIMIT));
        }
        if (t != JsonToken.VALUE_STRING) {
          MismatchedInputException e = MismatchedInputException.from(
              p,
              String.class,
              "must be a string, was " + OpenAiJson.describe(t)
                  + (t.isNumeric() ? " (token-id prompts are not supported)" : ""));
          e.prependPath(new JsonMappingException.Reference(out, out.size()));
          throw e;
        }
        out.add(p.getText());
      }
      return out;
    }
  }

  /** Writes one element as a string, otherwise a list. */
  static final class Writer extends StdSerializer<List<String>> {
    private static final long serialVersionUID = 1L;

    @SuppressWarnings({"unchecked", "rawtypes"})
    Writer() {
      super((Class<List<String>>) (Class) List.class);
    }

    @Override
    public void serialize(List<String> value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.size() == 1) {
        gen.writeString(value.get(0));
        return;
      }
      gen.writeStartArray();
      for (String s : value) {
        gen.writeString(s);
      }
      gen.writeEndArray();
    }
  }
}
