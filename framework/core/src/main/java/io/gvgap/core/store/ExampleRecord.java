package io.gvgap.core.store;

import java.util.Map;

/**
 * An example as the run saw it, stored once per (task, example) in {@code examples.jsonl} so that
 * reports can show prompts and references without the task plugin.
 *
 * @param task the task's label
 * @param exampleId the example's id
 * @param position the example's position in the task's example list (reports keep this order)
 * @param question the problem statement
 * @param reference the reference answer or solution
 * @param prompt the generation prompt the model saw
 * @param metadata task-specific fields
 */
public record ExampleRecord(
    String task,
    String exampleId,
    int position,
    String question,
    String reference,
    String prompt,
    Map<String, String> metadata) {}
