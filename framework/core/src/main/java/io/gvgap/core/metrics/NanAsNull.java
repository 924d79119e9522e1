package io.gvgap.core.metrics;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code double} of a metrics record that may be undefined (NaN in Java, e.g. AUROC when one
 * class is empty). JSON has no NaN, so Jackson writes such a value as {@code null} and reads
 * {@code null} back as NaN. This holds for any {@code ObjectMapper}; no module needs registering.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = NanAsNullSerializer.class)
@JsonDeserialize(using = NullAsNanDeserializer.class)
public @interface NanAsNull {}
