package io.gvgap.core.openai;

import java.util.List;

/**
 * A {@code POST /v1/chat/completions} answer.
 *
 * @param id a response id
 * @param object {@code chat.completion}
 * @param created Unix seconds
 * @param model the served model name
 * @param choices one per sample
 * @param usage token counts
 */
public record ChatResponse(
    String id, String object, long created, String model, List<ChatChoice> choices, Usage usage) {}
