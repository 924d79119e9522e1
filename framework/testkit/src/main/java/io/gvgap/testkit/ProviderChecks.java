package io.gvgap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.gvgap.api.Option;
import io.gvgap.api.Provider;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** The checks every kit makes of a provider, whatever its extension point. */
final class ProviderChecks {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private ProviderChecks() {}

  /**
   * The provider a kit is to test; fails when there is none, so that a kit never passes having
   * tested nothing.
   */
  static <P extends Provider<?, ?>> P present(P provider, String kind) {
    if (provider == null) {
      fail("provider() returned null: the conformance kit found no " + kind
          + " to test. Return a new instance of" + " your " + kind + " provider from provider().");
    }
    return provider;
  }

  /** Fails unless the name is lowercase words joined by hyphens. */
  static void assertNamedForSpecs(Provider<?, ?> provider) {
    assertThat(provider.name())
        .as("name() of %s", provider.getClass().getName())
        .isNotNull()
        .matches(NAME);
  }

  /** Fails unless the options type is a record whose every component has a described {@link Option}. */
  static void assertOptionsDocumented(Provider<?, ?> provider) {
    Class<?> type = provider.optionsType();
    assertThat(type).as("optionsType()").isNotNull();
    assertThat(type.isRecord())
        .as("optionsType() %s is a record", type.getName())
        .isTrue();
    for (RecordComponent component : type.getRecordComponents()) {
      Option option = component.getAnnotation(Option.class);
      assertThat(option)
          .as("@Option on %s.%s", type.getSimpleName(), component.getName())
          .isNotNull();
      assertThat(option.description())
          .as("description of %s", component.getName())
          .isNotBlank();
    }
  }

  /**
   * Fails unless {@link ServiceLoader} finds the provider's class through {@code serviceType}'s
   * {@code META-INF/services} file, under the provider's name: what gvgap does to find it.
   */
  static void assertRegistered(Class<?> serviceType, Provider<?, ?> provider) {
    Class<?> type = provider.getClass();
    String file = "META-INF/services/" + serviceType.getName();
    List<String> found = new ArrayList<>();
    Provider<?, ?> registered = null;
    ClassLoader loader = type.getClassLoader();
    for (Object candidate : ServiceLoader.load(serviceType, loader)) {
      Provider<?, ?> discovered = (Provider<?, ?>) candidate;
      found.add(discovered.getClass().getName() + " ('" + discovered.name() + "')");
      if (discovered.getClass().equals(type)) {
        registered = discovered;
      }
    }
    String add = " Add the line " + type.getName() + " to src/main/resources/" + file
        + " (the class must be public, with a public no-argument constructor).";
    if (found.isEmpty()) {
      fail("ServiceLoader found no " + serviceType.getSimpleName() + " at all: no " + file
          + " lists a provider, so"
          + " gvgap would find nothing to run and this kit finds nothing registered to test."
          + add);
    }
    if (registered == null) {
      fail(type.getName() + " is not registered: " + file + " lists only " + found + "." + add);
    }
    assertThat(registered.name())
        .as("name of the provider ServiceLoader found for %s", type.getName())
        .isEqualTo(provider.name());
  }
}
