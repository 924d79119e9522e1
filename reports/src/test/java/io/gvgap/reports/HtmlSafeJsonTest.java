package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.store.Json;
import org.junit.jupiter.api.Test;

class HtmlSafeJsonTest {

  @Test
  void escapesWhatCouldEndOrConfuseAScriptElement() {
    assertThat(HtmlSafeJson.escape("{\"a\":\"</script><!--&\u2028\u2029\"}"))
        .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\"}");
  }

  @Test
  void readsBackTheSameValues() throws Exception {
    ObjectNode tree = Json.mapper().createObjectNode();
    String nasty =
        "</script><script>window.__xss=1</script> <img src=x onerror=alert(1)> & \u2028\u2029 \"quoted\" \\";
    tree.put("text", nasty);
    tree.putArray("list").add(nasty).add(1.5).addNull();
    String safe = HtmlSafeJson.write(tree);
    assertThat(safe)
        .doesNotContain("<")
        .doesNotContain(">")
        .doesNotContain("&")
        .doesNotContain("\u2028");
    JsonNode back = Json.mapper().readTree(safe);
    assertThat(back).isEqualTo(tree);
  }
}
