package io.gvgap.core.openai;

import java.util.List;

/**
 * A {@code POST /v1/completions} answer.
 *
 * @param id a response id
 * @param object {@code text_completion}
 * @param created Unix seconds
 * @param model the served model name
 * @param choices one per (prompt, sample)
 * @param usage token counts
 */
public record CompletionResponse(
    String id,
    String object,
    long created,
    String model,
    List<CompletionChoice> choices,
    Usage usage) {}
