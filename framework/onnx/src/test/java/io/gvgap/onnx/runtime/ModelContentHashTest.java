package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.gvgap.onnx.OnnxBackend;
import io.gvgap.onnx.decoder.CharVocabulary;
import io.gvgap.onnx.decoder.DecoderConfig;
import io.gvgap.onnx.decoder.ModelDirectory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The onnx backend's model fingerprint: equal for identical copies, changed by one byte of any file
 * that decides outputs, blind to the model card, and equal to an independent, whole-file
 * recomputation of the documented digest.
 */
class ModelContentHashTest {

  private static final CharVocabulary VOCABULARY = CharVocabulary.printableAscii();
  private static final DecoderConfig CONFIG =
      DecoderConfig.gpt2Like(VOCABULARY.size(), 16, 1, 16, 2);

  @TempDir
  Path tmp;

  private Path tinyModel(String name, long seed) throws IOException {
    Path dir = tmp.resolve(name);
    ModelDirectory.writeRandom(dir, CONFIG, VOCABULARY, seed);
    return dir;
  }

  private static Path copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
    return to;
  }

  private static void flipOneByte(Path file, int position) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[position] ^= 0x01;
    Files.write(file, bytes);
  }

  private static String fingerprintThroughBackend(Path dir) {
    return new OnnxBackend()
        .contentFingerprint(new OnnxBackend.Options(dir, 1, "cpu", 8))
        .orElseThrow();
  }

  /** The documented digest, recomputed from whole files read into memory (not streamed, no scan). */
  private static String independentDigest(Path dir, List<String> names) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String name : names) {
      byte[] content = Files.readAllBytes(dir.resolve(name));
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(ByteBuffer.allocate(8).putLong(content.length).array());
      sha.update(content);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  @Test
  void identicalCopiesHaveOneFingerprintWhichIsTheDocumentedDigest() throws Exception {
    Path original = tinyModel("original", 3);
    Path copy = copy(original, tmp.resolve("elsewhere").resolve("copy"));

    String fingerprint = fingerprintThroughBackend(original);
    assertThat(fingerprintThroughBackend(copy)).isEqualTo(fingerprint);
    assertThat(fingerprint).hasSize(64).matches("[0-9a-f]+");
    List<String> expectedFiles = List.of(
        "model.onnx",
        "config.json",
        "generation_config.json",
        "tokenizer.json",
        "tokenizer_config.json");
    assertThat(ModelContentHash.hashedFiles(original)).isEqualTo(expectedFiles);
    assertThat(fingerprint).isEqualTo(independentDigest(original, expectedFiles));
  }

  @Test
  void oneChangedByteOfTheWeightsOrTheTokenizerChangesTheFingerprint() throws Exception {
    Path original = tinyModel("original", 3);
    String before = ModelContentHash.of(original);

    Path weights = copy(original, tmp.resolve("weights"));
    // the last byte of model.onnx lies in the serialized graph's tail, far from the header
    flipOneByte(weights.resolve("model.onnx"), (int) Files.size(weights.resolve("model.onnx")) - 1);
    assertThat(ModelContentHash.of(weights)).isNotEqualTo(before);

    Path tokenizer = copy(original, tmp.resolve("tokenizer"));
    flipOneByte(tokenizer.resolve("tokenizer.json"), 10);
    assertThat(ModelContentHash.of(tokenizer)).isNotEqualTo(before);

    Path retrained = tinyModel("retrained", 4);
    assertThat(ModelContentHash.of(retrained)).isNotEqualTo(before);

    Path withoutGenerationConfig = copy(original, tmp.resolve("no-generation-config"));
    Files.delete(withoutGenerationConfig.resolve("generation_config.json"));
    assertThat(ModelContentHash.of(withoutGenerationConfig)).isNotEqualTo(before);
  }

  @Test
  void theModelCardAndUnrelatedFilesDoNotChangeTheFingerprint() throws Exception {
    Path original = tinyModel("original", 3);
    Path annotated = copy(original, tmp.resolve("annotated"));
    Files.writeString(
        annotated.resolve(ModelDirectory.MODEL_CARD_FILE),
        "{\"note\": \"evaluated on 2024-01-01\"}");
    Files.writeString(annotated.resolve("README.md"), "a tiny model\n");
    assertThat(ModelContentHash.of(annotated)).isEqualTo(ModelContentHash.of(original));
  }

  @Test
  void externalDataFilesNamedByTheGraphAndItsSubgraphsAreHashed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("external"));
    Files.write(dir.resolve("model.onnx"), modelWithExternalData());
    Files.write(dir.resolve("weights.bin"), new byte[] {1, 2, 3, 4});
    Files.write(dir.resolve("branch.bin"), new byte[] {5, 6, 7, 8});
    Files.writeString(dir.resolve("config.json"), "{}");

    List<String> expectedFiles = List.of("model.onnx", "branch.bin", "weights.bin", "config.json");
    assertThat(ModelContentHash.hashedFiles(dir)).isEqualTo(expectedFiles);
    String before = ModelContentHash.of(dir);
    assertThat(before).isEqualTo(independentDigest(dir, expectedFiles));

    flipOneByte(dir.resolve("weights.bin"), 2);
    String afterWeights = ModelContentHash.of(dir);
    assertThat(afterWeights).isNotEqualTo(before);
    flipOneByte(dir.resolve("branch.bin"), 0);
    assertThat(ModelContentHash.of(dir)).isNotEqualTo(afterWeights).isNotEqualTo(before);

    Files.delete(dir.resolve("branch.bin"));
    assertThatThrownBy(() -> ModelContentHash.of(dir))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("'branch.bin'")
        .hasMessageContaining("does not exist");
  }

  @Test
  void aMissingOrBrokenModelFailsWithTheFileAndTheFix() throws Exception {
    assertThatThrownBy(() -> ModelContentHash.of(tmp.resolve("absent")))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("absent is not a directory");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ModelContentHash.of(empty))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("has no model file");
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    // 0x0A opens a length-delimited field 1 whose length (0x7F = 127) runs past the end of the file
    Files.write(broken.resolve("model.onnx"), new byte[] {0x0A, 0x7F, 1, 2});
    assertThatThrownBy(() -> ModelContentHash.of(broken))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("is not an ONNX model");
  }

  /**
   * An ONNX ModelProto written field by field (numbers from onnx/onnx.proto): one initializer kept
   * in weights.bin, one inline initializer with 100 kB of raw data that the scan must skip, and an
   * If node whose then_branch graph keeps its initializer in branch.bin.
   */
  private static byte[] modelWithExternalData() throws IOException {
    byte[] branchGraph =
        message(out -> out.writeByteArray(5, externalTensor("w_branch", "branch.bin")));
    byte[] attribute = message(out -> {
      out.writeString(1, "then_branch");
      out.writeByteArray(6, branchGraph);
      out.writeInt32(20, 5);
    });
    byte[] node = message(out -> {
      out.writeString(4, "If");
      out.writeByteArray(5, attribute);
    });
    byte[] inline = message(out -> {
      out.writeString(8, "inline");
      out.writeInt32(2, 2);
      out.writeBytes(9, ByteString.copyFrom(new byte[100_000]));
    });
    byte[] graph = message(out -> {
      out.writeByteArray(1, node);
      out.writeString(2, "g");
      out.writeByteArray(5, inline);
      out.writeByteArray(5, externalTensor("w", "weights.bin"));
    });
    return message(out -> {
      out.writeInt64(1, 8);
      out.writeByteArray(7, graph);
    });
  }

  private static byte[] externalTensor(String name, String location) throws IOException {
    return message(out -> {
      out.writeString(8, name);
      out.writeInt32(2, 1);
      out.writeByteArray(13, message(entry -> {
        entry.writeString(1, "location");
        entry.writeString(2, location);
      }));
      out.writeByteArray(13, message(entry -> {
        entry.writeString(1, "length");
        entry.writeString(2, "4");
      }));
      out.writeInt32(14, 1);
    });
  }

  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Fields fields) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    fields.write(out);
    out.flush();
    return bytes.toByteArray();
  }
}
