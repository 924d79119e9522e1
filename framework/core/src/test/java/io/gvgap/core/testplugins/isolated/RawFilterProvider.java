package io.gvgap.core.testplugins.isolated;

import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterProvider;
import io.gvgap.api.verify.Verifier;
import java.util.List;

/**
 * Test filter "raw-filter", compiled against the raw {@link FilterProvider} interface so that its
 * {@code create} can return a verifier: what an old or careless plugin jar may do. Registry tests
 * copy it into a jar built at test time; it is never registered on the test classpath.
 */
@SuppressWarnings("rawtypes")
public final class RawFilterProvider implements FilterProvider {

  @Override
  public String name() {
    return "raw-filter";
  }

  @Override
  public Class optionsType() {
    return NoOptions.class;
  }

  @Override
  public Object create(Record options) {
    Verifier notAFilter = request -> List.of();
    return notAFilter;
  }
}
