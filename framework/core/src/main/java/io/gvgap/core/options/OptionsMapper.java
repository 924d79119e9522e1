package io.gvgap.core.options;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.MapType;
import io.gvgap.api.Internal;
import java.nio.file.Path;
import java.util.Set;

/**
 * The Jackson mapper that binds options records. Plugin authors' records carry no Jackson
 * annotations (gvgap-api has no dependencies), so everything is configured here: record components
 * are bound by name in snake_case ({@link OptionKeys#keyOf}), unknown keys and missing required
 * components fail, a value of one scalar kind is never coerced to another (an integer is not a
 * string, {@code "4"} is not an integer, {@code 4.0} is not an integer; an integer is a number),
 * enums are spelled {@code best-of-n}, a {@code Path} is a non-empty string, a {@code Set} rejects
 * repeated values and keeps their order, and a {@code Map<String, String>} takes any scalar as text.
 */
@Internal
public final class OptionsMapper {

  private OptionsMapper() {}

  /** A new mapper so configured; the run spec's fixed sections are bound by one too. */
  public static ObjectMapper create() {
    SimpleModule module = new SimpleModule("gvgap-options");
    module.setDeserializers(new OptionDeserializers());
    // A caller's map may hold a Path itself: it goes into the tree as the path's text, not as a
    // URI.
    module.addSerializer(Path.class, ToStringSerializer.instance);
    JsonMapper mapper = JsonMapper.builder()
        .propertyNamingStrategy(new PropertyNamingStrategies.NamingBase() {
          private static final long serialVersionUID = 1L;

          @Override
          public String translate(String propertyName) {
            return OptionKeys.keyOf(propertyName);
          }
        })
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // A record's accessor such as getNames() must not make "names" a settable key.
        .disable(MapperFeature.USE_GETTERS_AS_SETTERS)
        .addModule(module)
        .build();
    failCoercion(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    failCoercion(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String,
        CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    failCoercion(
        mapper,
        LogicalType.Float,
        CoercionInputShape.String,
        CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    failCoercion(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.String,
        CoercionInputShape.EmptyString);
    return mapper;
  }

  private static void failCoercion(
      ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Finds gvgap's deserializers for paths, enums, sets and string maps. */
  private static final class OptionDeserializers extends SimpleDeserializers {
    private static final long serialVersionUID = 1L;

    OptionDeserializers() {
      addDeserializer(Path.class, new OptionPathDeserializer());
    }

    @Override
    public JsonDeserializer<?> findEnumDeserializer(
        Class<?> type, DeserializationConfig config, BeanDescription beanDesc) {
      return new OptionEnumDeserializer(type);
    }

    @Override
    public JsonDeserializer<?> findCollectionDeserializer(
        CollectionType type,
        DeserializationConfig config,
        BeanDescription beanDesc,
        TypeDeserializer elementTypeDeserializer,
        JsonDeserializer<?> elementDeserializer) {
      return type.getRawClass() == Set.class ? new UniqueSetDeserializer(type) : null;
    }

    @Override
    public JsonDeserializer<?> findMapDeserializer(
        MapType type,
        DeserializationConfig config,
        BeanDescription beanDesc,
        KeyDeserializer keyDeserializer,
        TypeDeserializer elementTypeDeserializer,
        JsonDeserializer<?> elementDeserializer) {
      boolean stringToString = type.getKeyType().getRawClass() == String.class
          && type.getContentType().getRawClass() == String.class;
      return stringToString ? new TextMapDeserializer() : null;
    }
  }
}
