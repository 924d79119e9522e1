package io.gvgap.tasks.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.task.TaskProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The five built-in tasks are found through the service registration, once each. */
class ServiceRegistrationTest {

  @Test
  @SuppressWarnings("rawtypes")
  void serviceLoaderFindsTheFiveBuiltInTasks() {
    assertThat(ServiceLoader.load(TaskProvider.class).stream().map(p -> p.get().name()))
        .containsExactlyInAnyOrder("arithmetic", "sudoku4", "gsm8k", "nq-open", "math");
  }
}
