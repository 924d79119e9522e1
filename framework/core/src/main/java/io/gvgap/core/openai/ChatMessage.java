package io.gvgap.core.openai;

/**
 * One chat message.
 *
 * @param role {@code system}, {@code user} or {@code assistant}
 * @param content the text (content parts are not supported)
 */
public record ChatMessage(String role, String content) {}
