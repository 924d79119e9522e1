package io.gvgap.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one component of a provider's options record: what it means and its default.
 *
 * <p>A component without a default is required: a spec that omits it is rejected. The default is
 * written as it would be in the YAML spec ({@code "0.5"}, {@code "true"}, {@code "[1, 2]"}); an
 * empty string means "no default".
 *
 * <p>A component of type {@code java.nio.file.Path} names a file or directory the provider reads:
 * a relative path in a spec is resolved against the spec file's folder (not the working
 * directory), and {@code gvgap validate} checks that it exists. Use {@code String} for a path that
 * need not exist yet (an output or cache folder).
 *
 * <pre>{@code
 * public record Options(
 *     @Option(description = "fraction of each prompt's samples to keep", defaultValue = "0.25")
 *     double alpha) {
 *   public Options {
 *     if (alpha <= 0 || alpha > 1) throw new IllegalArgumentException("alpha must be in (0, 1]");
 *   }
 * }
 * }</pre>
 */
@Stable
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Option {
  /** One sentence a user reads in {@code gvgap plugins show NAME} (and {@code gvgap tasks show NAME}). */
  String description();

  /** The default value in YAML syntax; empty means the option is required. */
  String defaultValue() default "";
}
