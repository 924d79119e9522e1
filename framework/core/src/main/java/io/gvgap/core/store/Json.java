package io.gvgap.core.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of run directories: ISO dates, unknown fields rejected, no NaN. */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
      .build();

  private Json() {}

  /** The shared mapper; thread-safe. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
