package io.gvgap.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Writes an undefined (NaN or infinite) double as JSON {@code null}; see {@link NanAsNull}. */
public final class NanAsNullSerializer extends StdSerializer<Double> {

  private static final long serialVersionUID = 1L;

  /** Creates the serializer (Jackson calls this). */
  public NanAsNullSerializer() {
    super(Double.class);
  }

  /** Writes the number, or {@code null} when it is not finite. */
  @Override
  public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    if (value == null || !Double.isFinite(value)) {
      gen.writeNull();
    } else {
      gen.writeNumber(value);
    }
  }
}
