package io.gvgap.onnx.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An instruct model's chat template ({@code chat_template} in {@code tokenizer_config.json}), a
 * Jinja template rendered with jinjava the way the Hugging Face library renders it: blocks trimmed
 * ({@code trim_blocks}, {@code lstrip_blocks}), variables {@code messages}, {@code
 * add_generation_prompt}, {@code bos_token} and {@code eos_token}, functions {@code
 * raise_exception} and {@code strftime_now}. gvgap sends each prompt as one user message and asks
 * for the assistant's turn; the rendered text already holds the special tokens the template
 * writes, so it is tokenised without adding any.
 */
public final class ChatTemplate {
  private final Path file;
  private final String template;
  private final String bosToken;
  private final String eosToken;
  private final Jinjava jinjava;

  private ChatTemplate(Path file, String template, String bosToken, String eosToken) {
    this.file = file;
    this.template = template;
    this.bosToken = bosToken;
    this.eosToken = eosToken;
    this.jinjava = new Jinjava(
        JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).build());
    jinjava
        .getGlobalContext()
        .registerFunction(new ELFunctionDefinition(
            "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
    jinjava
        .getGlobalContext()
        .registerFunction(new ELFunctionDefinition(
            "", "strftime_now", ChatTemplate.class, "strftimeNow", String.class));
  }

  /**
   * The chat template of the model directory {@code directory}.
   *
   * @throws ModelLoadException naming the file when it has no {@code chat_template} (a base model,
   *     not an instruct one) or cannot be read
   */
  public static ChatTemplate read(Path directory) {
    Path file = directory.resolve("tokenizer_config.json");
    JsonNode config;
    try {
      config = Files.isRegularFile(file)
          ? new ObjectMapper().readTree(file.toFile())
          : new ObjectMapper().createObjectNode();
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode template = config.path("chat_template");
    if (template.isArray()) {
      // several named templates: the default one
      JsonNode chosen = null;
      for (JsonNode named : template) {
        if (named.path("name").asText().equals("default")) {
          chosen = named.path("template");
        }
      }
      template = chosen == null ? template.path(0).path("template") : chosen;
    }
    if (!template.isTextual() || template.asText().isBlank()) {
      throw new ModelLoadException(file + " has no chat_template: chat: true needs an instruct"
          + " model whose tokenizer_config.json carries its chat template; drop chat: true for a"
          + " base model");
    }
    return new ChatTemplate(
        file, template.asText(), token(config.path("bos_token")), token(config.path("eos_token")));
  }

  /**
   * The text the model sees for {@code prompt}: one user message, then the template's opening of
   * the assistant's turn.
   *
   * @throws ModelLoadException naming the template's file when rendering fails (a template error,
   *     or the template's own {@code raise_exception})
   */
  public String render(String prompt) {
    Map<String, Object> bindings = Map.of(
        "messages",
        List.of(Map.of("role", "user", "content", prompt)),
        "add_generation_prompt",
        true,
        "bos_token",
        bosToken,
        "eos_token",
        eosToken);
    RenderResult result = jinjava.renderForResult(template, bindings);
    List<TemplateError> fatal = result.getErrors().stream()
        .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL)
        .collect(Collectors.toList());
    if (!fatal.isEmpty()) {
      throw new ModelLoadException(file + ": the chat_template could not be rendered: "
          + fatal.stream().map(ChatTemplate::describe).collect(Collectors.joining("; ")));
    }
    return result.getOutput();
  }

  /** An error's message with those of its causes (a raised exception's own text among them). */
  private static String describe(TemplateError error) {
    StringBuilder text = new StringBuilder(error.getMessage());
    for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
    }
    return text.toString();
  }

  /** The template's {@code raise_exception(message)}: stops rendering with the message. */
  public static String raiseException(String message) {
    throw new IllegalStateException("the chat template raised: " + message);
  }

  /** The template's {@code strftime_now(format)}: today's date in a strftime format. */
  public static String strftimeNow(String format) {
    String pattern = format
        .replace("%d", "dd")
        .replace("%b", "MMM")
        .replace("%B", "MMMM")
        .replace("%Y", "yyyy")
        .replace("%m", "MM");
    return LocalDate.now().format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
  }

  /** A special token as tokenizer_config.json writes it: a string or {"content": string}. */
  private static String token(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    return node.path("content").asText("");
  }
}
