package io.gvgap.core.spec;

/**
 * A task of the run, ready to create.
 *
 * @param label the unique label results are filed under
 * @param name the task's provider name
 * @param limit how many examples to use ({@link Integer#MAX_VALUE} for all)
 * @param seed the seed of the example subset (the run seed unless the spec gives one)
 * @param options the task's bound options record
 */
public record ResolvedTask(String label, String name, int limit, long seed, Record options) {}
