package io.gvgap.server;

import io.gvgap.core.openai.ChatMessage;
import java.util.List;

/**
 * How chat messages become the one prompt a {@link io.gvgap.api.model.LanguageModel} takes.
 *
 * <ul>
 *   <li>A single {@code user} message is the prompt verbatim, so a client that sends a raw prompt
 *       through the chat API gets exactly what the completions API would give.</li>
 *   <li>Otherwise each message becomes {@code Role: content} on its own line (System, User,
 *       Assistant), followed by {@code Assistant:} for the model to continue.</li>
 * </ul>
 */
public final class ChatPrompt {
  private ChatPrompt() {}

  /** Renders the {@code messages} field; a malformed message is a 400 naming its index. */
  public static String render(List<ChatMessage> messages) {
    if (messages == null) {
      throw ApiException.badField("messages", "is required");
    }
    if (messages.isEmpty()) {
      throw ApiException.badField(
          "messages", "must be a non-empty list of {role, content} objects");
    }
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage message = messages.get(i);
      if (message == null) {
        throw ApiException.badField(
            "messages[" + i + "]", "must be a {role, content} object, was null");
      }
      String r = message.role();
      if (r == null) {
        throw ApiException.badField(
            "messages[" + i + "].role", "is required (system, user or assistant)");
      }
      if (message.content() == null) {
        throw ApiException.badField("messages[" + i + "].content", "is required (a string)");
      }
      if (!(r.equals("system") || r.equals("user") || r.equals("assistant"))) {
        throw ApiException.badField(
            "messages[" + i + "].role", "must be system, user or assistant, was '" + r + "'");
      }
      if (messages.size() == 1 && r.equals("user")) {
        return message.content();
      }
      prompt
          .append(Character.toUpperCase(r.charAt(0)))
          .append(r.substring(1))
          .append(": ")
          .append(message.content())
          .append('\n');
    }
    return prompt.append("Assistant:").toString();
  }
}
