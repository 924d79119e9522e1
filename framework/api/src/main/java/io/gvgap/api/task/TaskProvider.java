package io.gvgap.api.task;

import io.gvgap.api.Provider;
import io.gvgap.api.Stable;

/**
 * Service interface for task plugins, registered in
 * {@code META-INF/services/io.gvgap.api.task.TaskProvider}.
 *
 * @param <O> the task's options record
 */
@Stable
public interface TaskProvider<O extends Record> extends Provider<O, Task> {}
