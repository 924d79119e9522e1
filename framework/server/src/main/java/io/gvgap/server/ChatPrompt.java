package io.gvgap.server;

import com.fasterxml.jackson.databind.JsonNode;

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
  private ChatPrompt() {
  }

  /** Renders the {@code messages} field; a malformed message is a 400 naming its index. */
  public static String render(JsonNode messages) {
    if (messages == null || messages.isNull()) {
      throw ApiException.badField("messages", "is required");
    }
    if (!messages.isArray() || messages.isEmpty()) {
      throw ApiException.badField("messages", "must be a non-empty list of {role, content} objects");
    }
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      JsonNode role = message.get("role");
      JsonNode content = message.get("content");
      if (role == null || !role.isTextual()) {
        throw ApiException.badField("messages[" + i + "].role", "must be a string (system, user or assistant)");
      }
      if (content == null || !content.isTextual()) {
        throw ApiException.badField("messages[" + i + "].content", "must be a string (content parts are not supported)");
      }
      String r = role.asText();
      if (!(r.equals("system") || r.equals("user") || r.equals("assistant"))) {
        throw ApiException.badField("messages[" + i + "].role", "must be system, user or assistant, was '" + r + "'");
      }
      if (messages.size() == 1 && r.equals("user")) {
        return content.asText();
      }
      prompt.append(Character.toUpperCase(r.charAt(0))).append(r.substring(1)).append(": ").append(content.asText())
          .append('\n');
    }
    return prompt.append("Assistant:").toString();
  }
}
