package io.gvgap.filters;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.Option;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.filter.FilterStrategy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FilterProvidersTest {

  private static List<FilterProvider<?>> providers() {
    List<FilterProvider<?>> found = new ArrayList<>();
    ServiceLoader.load(FilterProvider.class).forEach(found::add);
    return found;
  }

  @Test
  void everyBuiltInFilterIsRegistered() {
    assertThat(providers())
        .extracting(FilterProvider::name)
        .containsExactly("quantile", "threshold", "best-of-n", "top-k", "softmax", "majority");
  }

  @Test
  void everyOptionIsDocumentedAndItsDefaultsAreValid() {
    for (FilterProvider<?> provider : providers()) {
      assertThat(provider.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(provider.description()).isNotBlank();
      for (RecordComponent component : provider.optionsType().getRecordComponents()) {
        Option option = component.getAnnotation(Option.class);
        assertThat(option).as(provider.name() + "." + component.getName()).isNotNull();
        assertThat(option.description()).isNotBlank();
      }
      assertThat(createWithDefaults(provider)).isNotNull();
    }
  }

  @Test
  void defaultQuantileKeepsTheTopQuarter() {
    FilterProvider<?> quantile = providers().stream()
        .filter(p -> p.name().equals("quantile"))
        .findFirst()
        .orElseThrow();
    // default alpha 0.25 over 8 samples: rank 2, so the two best (0.8 and 0.7) are kept.
    double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
    assertThat(createWithDefaults(quantile).weights(scores, Contexts.scoresOnly(8)))
        .containsExactly(0, 0, 0, 0, 0, 0, 1, 1);
  }

  private static <O extends Record> FilterStrategy createWithDefaults(FilterProvider<O> provider) {
    return provider.create(OptionDefaults.of(provider.optionsType()));
  }
}
