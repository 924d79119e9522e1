package io.gvgap.core.metrics;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads JSON {@code null} as NaN (undefined) and numbers as themselves; see {@link NanAsNull}. */
public final class NullAsNanDeserializer extends StdDeserializer<Double> {

  private static final long serialVersionUID = 1L;

  /** Creates the deserializer (Jackson calls this). */
  public NullAsNanDeserializer() {
    super(Double.class);
  }

  /** Reads a number. */
  @Override
  public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    return p.getDoubleValue();
  }

  /** JSON {@code null} stands for an undefined value. */
  @Override
  public Double getNullValue(DeserializationContext ctxt) {
    return Double.NaN;
  }
}
