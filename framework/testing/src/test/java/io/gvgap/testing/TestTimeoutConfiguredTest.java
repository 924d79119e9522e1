package io.gvgap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The build gives every test a time limit (the parent pom passes JUnit's
 * {@code junit.jupiter.execution.timeout.default} through Surefire), so a test stuck on a hung
 * child process fails instead of stalling the build.
 */
@ExtendWith(TestTimeoutConfiguredTest.ConfigurationParameters.class)
class TestTimeoutConfiguredTest {

  @Test
  void everyTestHasADefaultTimeLimit(ExtensionContext context, TestInfo test) {
    Optional<String> timeout =
        context.getConfigurationParameter("junit.jupiter.execution.timeout.default");
    assertThat(timeout)
        .as("junit.jupiter.execution.timeout.default for " + test.getDisplayName()
            + " (set in the parent pom's Surefire configuration)")
        .isPresent();
    assertThat(timeout.orElseThrow().trim()).matches("\\d+\\s*(ns|μs|ms|s|m|h|d)");
  }

  /** Hands the test its {@link ExtensionContext}, through which JUnit's configuration is read. */
  static final class ConfigurationParameters implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == ExtensionContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context;
    }
  }
}
