package io.gvgap.core.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiJsonTest {

  @Test
  void aRequestBindsWithSnakeCaseNamesAndAStringOrAListOfPrompts() {
    CompletionRequest one = OpenAiJson.read(
        "{\"model\":\"m\",\"prompt\":\"a\",\"max_tokens\":5,\"top_p\":0.5,"
            + "\"stop\":[\"\\n\",\"Q:\"],\"user\":\"ignored\"}",
        CompletionRequest.class);
    assertThat(one.prompt()).containsExactly("a");
    assertThat(one.maxTokens()).isEqualTo(5);
    assertThat(one.topP()).isEqualTo(0.5);
    assertThat(one.stop()).containsExactly("\n", "Q:");
    assertThat(one.n()).as("absent means null: the server applies its default").isNull();
    assertThat(OpenAiJson.read("{\"prompt\":[\"a\",\"b\"]}", CompletionRequest.class)
            .prompt())
        .containsExactly("a", "b");
  }

  @Test
  void aWrongTypeNamesTheFieldPathAndNothingIsCoerced() {
    assertThatThrownBy(() -> OpenAiJson.read("{\"n\":\"x\"}", CompletionRequest.class))
        .isInstanceOf(OpenAiFormatException.class)
        .hasMessage("field 'n': must be an integer, was \"x\"");
    assertThatThrownBy(() -> OpenAiJson.read("{\"n\":\"2\"}", CompletionRequest.class))
        .hasMessageStartingWith("field 'n'");
    assertThatThrownBy(() -> OpenAiJson.read("{\"n\":1.5}", CompletionRequest.class))
        .hasMessageStartingWith("field 'n'");
    assertThatThrownBy(() -> OpenAiJson.read("{\"n\":99999999999}", CompletionRequest.class))
        .hasMessage("field 'n': must be an integer, was out of range");
    assertThatThrownBy(() -> OpenAiJson.read("{\"prompt\":[\"a\",7]}", CompletionRequest.class))
        .hasMessageStartingWith("field 'prompt[1]': must be a string, was a number")
        .hasMessageContaining("token-id");
    assertThatThrownBy(() -> OpenAiJson.read("{\"prompt\":{}}", CompletionRequest.class))
        .hasMessage("field 'prompt': must be a string or a list of strings, was an object");
    assertThatThrownBy(() -> OpenAiJson.read("{\"echo\":1}", CompletionRequest.class))
        .hasMessageStartingWith("field 'echo'");
    assertThatThrownBy(() -> OpenAiJson.read(
            "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]}",
            ChatRequest.class))
        .hasMessageStartingWith("field 'messages[0].content': must be a string");
    assertThatThrownBy(() ->
            OpenAiJson.read("{\"messages\":[{\"role\":3,\"content\":\"x\"}]}", ChatRequest.class))
        .hasMessageStartingWith("field 'messages[0].role'");
  }

  @Test
  void aListLimitStopsReadingAtTheFirstElementBeyondIt() {
    assertThat(OpenAiJson.read("{\"prompt\":[\"a\",\"b\"]}", CompletionRequest.class, 2, "unused")
            .prompt())
        .containsExactly("a", "b");
    // the element after the limit is not even valid: reading stopped before it
    assertThatThrownBy(() -> OpenAiJson.read(
            "{\"prompt\":[\"a\",\"b\",\"c\",7]}",
            CompletionRequest.class,
            2,
            "send fewer (--max-prompts)"))
        .isInstanceOf(OpenAiFormatException.class)
        .hasMessage("field 'prompt': has more than 2 elements; send fewer (--max-prompts)");
  }

  @Test
  void aBodyThatIsNotAJsonObjectSaysSo() {
    assertThatThrownBy(() -> OpenAiJson.read("{not json", CompletionRequest.class))
        .isInstanceOf(OpenAiFormatException.class)
        .hasMessageStartingWith("the body is not valid JSON");
    assertThatThrownBy(() -> OpenAiJson.read("[1]", CompletionRequest.class))
        .hasMessage("the body must be a JSON object");
    assertThatThrownBy(() -> OpenAiJson.read("null", CompletionRequest.class))
        .hasMessageContaining("must be a JSON object");
  }

  @Test
  void requestsAreWrittenWithoutAbsentFieldsAndOnePromptAsAString() {
    CompletionRequest request = new CompletionRequest(
        "m", List.of("p"), 2, 8, null, 0.7, null, null, 5L, List.of("\n"), 1, null, null);
    assertThat(OpenAiJson.write(request))
        .isEqualTo(
            "{\"model\":\"m\",\"prompt\":\"p\",\"n\":2,\"max_tokens\":8,\"temperature\":0.7,\"seed\":5,"
                + "\"stop\":\"\\n\",\"logprobs\":1}");
    CompletionChoice choice = new CompletionChoice(0, "x", null, "stop", null);
    assertThat(OpenAiJson.write(choice))
        .as("logprobs null is sent; gvgap absent is not")
        .isEqualTo("{\"index\":0,\"text\":\"x\",\"logprobs\":null,\"finish_reason\":\"stop\"}");
    assertThat(OpenAiJson.read(OpenAiJson.write(request), CompletionRequest.class))
        .isEqualTo(request);
  }
}
