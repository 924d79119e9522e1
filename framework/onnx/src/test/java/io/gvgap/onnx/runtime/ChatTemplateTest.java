package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplateTest {
  /** ChatML as Qwen2's instruct models write it (a default system turn when none is given). */
  static final String CHATML = "{% for message in messages %}{% if loop.first and"
      + " messages[0]['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful"
      + " assistant.<|im_end|>\\n' }}{% endif %}{{'<|im_start|>' + message['role'] + '\\n' +"
      + " message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{"
      + " '<|im_start|>assistant\\n' }}{% endif %}";

  /** Llama 3's shape: bos_token first, each content trimmed, headers around roles. */
  static final String LLAMA3 = "{% set loop_messages = messages %}{% for message in"
      + " loop_messages %}{% set content = '<|start_header_id|>' + message['role'] +"
      + " '<|end_header_id|>\\n\\n'+ message['content'] | trim + '<|eot_id|>' %}{% if"
      + " loop.index0 == 0 %}{% set content = bos_token + content %}{% endif %}{{ content }}{%"
      + " endfor %}{% if add_generation_prompt %}{{"
      + " '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{% endif %}";

  @TempDir
  Path dir;

  static void writeTokenizerConfig(Path dir, String template, Object bos) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = json.createObjectNode();
    if (template != null) {
      config.put("chat_template", template);
    }
    config.putPOJO("bos_token", bos);
    config.put("eos_token", "<|eot_id|>");
    Files.createDirectories(dir);
    json.writeValue(dir.resolve("tokenizer_config.json").toFile(), config);
  }

  @Test
  void chatMlRendersAsComputedByHand() throws Exception {
    writeTokenizerConfig(dir, CHATML, null);
    // by hand from the template: the default system turn, the user turn, the assistant's opening;
    // the template's '\n' escapes are newlines
    assertThat(ChatTemplate.read(dir).render("2 + 3 = ?"))
        .isEqualTo("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n"
            + "<|im_start|>user\n2 + 3 = ?<|im_end|>\n<|im_start|>assistant\n");
  }

  @Test
  void llama3RendersWithItsBosTokenAndTrimmedContent() throws Exception {
    ObjectNode bos = new ObjectMapper().createObjectNode().put("content", "<|begin_of_text|>");
    writeTokenizerConfig(dir, LLAMA3, bos);
    assertThat(ChatTemplate.read(dir).render("  Hi there \n"))
        .isEqualTo("<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi there<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\n");
  }

  @Test
  void blocksAreTrimmedAsTheLibraryRendersThem() throws Exception {
    // trim_blocks drops the newline after a block tag, lstrip_blocks the spaces before one
    writeTokenizerConfig(
        dir,
        "{% for m in messages %}\n    {% if m['role'] == 'user' %}\nQ: {{ m['content'] }}\n"
            + "    {% endif %}\n{% endfor %}\nA:",
        "");
    assertThat(ChatTemplate.read(dir).render("why?")).isEqualTo("Q: why?\nA:");
  }

  @Test
  void aTemplatesOwnErrorAndAMissingTemplateAreReported() throws Exception {
    writeTokenizerConfig(
        dir,
        "{% if messages[0]['role'] == 'user' %}{{ raise_exception('only system prompts') }}"
            + "{% endif %}",
        "");
    assertThatThrownBy(() -> ChatTemplate.read(dir).render("x"))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("tokenizer_config.json: the chat_template could not be rendered")
        .hasMessageContaining("only system prompts");
    writeTokenizerConfig(dir, null, "");
    assertThatThrownBy(() -> ChatTemplate.read(dir))
        .hasMessageContaining(
            "tokenizer_config.json has no chat_template: chat: true needs an" + " instruct model");
  }
}
