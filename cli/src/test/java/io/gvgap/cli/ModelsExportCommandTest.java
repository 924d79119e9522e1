package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsExportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void theBuiltInModelExportsToAGgufFileAndABadFormatIsAUsageError() throws Exception {
    Path model = Path.of("..", "models", "arith-xs").toAbsolutePath().normalize();
    Path out = tmp.resolve("arith-xs.gguf");
    InProcessGvgap.Result result =
        InProcessGvgap.run("models", "export", model.toString(), out.toString());
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("wrote " + out, "llama.cpp architecture gpt2");
    byte[] bytes = Files.readAllBytes(out);
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    // magic, version 3, then 2 layers x 12 tensors + embeddings, positions, final norm (4) = 28
    assertThat(new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("GGUF");
    assertThat(header.getInt(4)).isEqualTo(3);
    assertThat(header.getLong(8)).isEqualTo(2 * 12 + 4);
    InProcessGvgap.Result bad = InProcessGvgap.run(
        "models", "export", model.toString(), out.toString(), "--format", "safetensors");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--format safetensors: gvgap exports gguf");
  }
}
