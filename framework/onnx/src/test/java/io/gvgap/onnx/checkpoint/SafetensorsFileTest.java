package io.gvgap.onnx.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.onnx.runtime.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {
  @TempDir
  Path dir;

  /** A file built byte by byte: 8-byte length, the header, then the data. */
  private Path handWritten(String header, byte[] data) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    out.write(ByteBuffer.allocate(8)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putLong(json.length)
        .array());
    out.write(json);
    out.write(data);
    Path file = dir.resolve("hand.safetensors");
    Files.write(file, out.toByteArray());
    return file;
  }

  private static byte[] littleEndian(float... values) {
    ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float value : values) {
      bytes.putFloat(value);
    }
    return bytes.array();
  }

  @Test
  void readsAHandWrittenFileOfF32Bf16AndF16Tensors() throws Exception {
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(littleEndian(1.5f, -2f)); // a: F32 [2], bytes 0..8
    data.write(new byte[] {(byte) 0x80, 0x3F, (byte) 0xAB, 0x3E}); // b: BF16 [1, 2] = 1, 0x3EAB
    data.write(new byte[] {0x00, 0x3C}); // c: F16 [] = 1
    Path file = handWritten(
        "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,2],\"data_offsets\":[8,12]},"
            + "\"c\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[12,14]}}",
        data.toByteArray());
    SafetensorsFile read = SafetensorsFile.open(file);
    assertThat(read.metadata()).containsEntry("format", "pt");
    assertThat(read.tensors().keySet()).containsExactly("a", "b", "c");
    assertThat(read.info("b").shape()).containsExactly(1, 2);
    assertThat(read.readFloats("a")).containsExactly(1.5f, -2f);
    assertThat(read.readFloats("b")).containsExactly(1f, Float.intBitsToFloat(0x3EAB0000));
    assertThat(read.readFloats("c")).containsExactly(1f);
  }

  @Test
  void badFilesAreRefusedNamingTheFileTheTensorAndTheProblem() throws Exception {
    byte[] eight = littleEndian(1f, 2f);
    Path wrongType =
        handWritten("{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", eight);
    assertThatThrownBy(() -> SafetensorsFile.open(wrongType))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("hand.safetensors: tensor a: dtype I64 is not one gvgap reads")
        .hasMessageContaining("F32, F16, BF16");
    Path truncated =
        handWritten("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", eight);
    assertThatThrownBy(() -> SafetensorsFile.open(truncated))
        .hasMessageContaining("tensor a: data_offsets [0, 16]")
        .hasMessageContaining("inside the file's 8 data bytes; the file is truncated");
    Path wrongSize =
        handWritten("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", eight);
    assertThatThrownBy(() -> SafetensorsFile.open(wrongSize))
        .hasMessageContaining("do not hold 12 bytes of F32[3]");
    Path notJson = handWritten("{\"a\": [", eight);
    assertThatThrownBy(() -> SafetensorsFile.open(notJson))
        .hasMessageContaining("the safetensors header is not JSON");
    Path tooShort = dir.resolve("short.safetensors");
    Files.write(tooShort, new byte[] {1, 2, 3});
    assertThatThrownBy(() -> SafetensorsFile.open(tooShort))
        .hasMessageContaining("short.safetensors is not a safetensors file: 3 bytes");
    Path hugeHeader = dir.resolve("huge.safetensors");
    Files.write(
        hugeHeader,
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
    assertThatThrownBy(() -> SafetensorsFile.open(hugeHeader))
        .hasMessageContaining("header length 1099511627776 does not fit a file of 16 bytes");
    Path good =
        handWritten("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", eight);
    assertThatThrownBy(() -> SafetensorsFile.open(good).readFloats("b"))
        .hasMessageContaining("has no tensor b (it has 1 tensors)");
  }

  @Test
  void writtenFilesReadBackInEveryTypeWithAPaddedHeader() throws Exception {
    Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
    tensors.put("w", new SafetensorsWriter.Tensor(new long[] {2, 3}, new float[] {
      0.1f, -1f, 3f, 65504f, 1f / 3, 0
    }));
    tensors.put("b", new SafetensorsWriter.Tensor(new long[] {1}, new float[] {2.5f}));
    for (TensorType type : TensorType.values()) {
      Path file = dir.resolve(type + ".safetensors");
      SafetensorsWriter.write(file, tensors, type, Map.of("format", "pt"));
      byte[] bytes = Files.readAllBytes(file);
      long headerLength =
          ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(headerLength % 8).isZero();
      assertThat(bytes.length).isEqualTo(8 + headerLength + 7L * type.bytes());
      SafetensorsFile read = SafetensorsFile.open(file);
      assertThat(read.info("w").type()).isEqualTo(type);
      float[] w = read.readFloats("w");
      float[] expected = tensors.get("w").values();
      for (int i = 0; i < w.length; i++) {
        float narrowed = switch (type) {
          case F32 -> expected[i];
          case F16 -> HalfFloats.f16ToFloat(HalfFloats.floatToF16(expected[i]));
          case BF16 -> HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(expected[i]));
        };
        assertThat(w[i]).isEqualTo(narrowed);
      }
      assertThat(read.readFloats("b")).containsExactly(2.5f);
    }
  }

  @Test
  void shardedCheckpointsReadThroughTheirIndex() throws Exception {
    Map<String, SafetensorsWriter.Tensor> tensors = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      tensors.put(
          "layer." + i + ".weight",
          new SafetensorsWriter.Tensor(new long[] {4}, new float[] {i, i + 1, i + 2, i + 3}));
    }
    Path sharded = Files.createDirectory(dir.resolve("sharded"));
    // 4 BF16 values = 8 bytes each; at most 16 bytes a shard: shards of 2, 2 and 1 tensors
    List<Path> files = SafetensorsWriter.writeCheckpoint(sharded, tensors, TensorType.BF16, 16);
    assertThat(files.stream().map(p -> p.getFileName().toString()))
        .containsExactly(
            "model-00001-of-00003.safetensors",
            "model-00002-of-00003.safetensors",
            "model-00003-of-00003.safetensors",
            "model.safetensors.index.json");
    assertThat(Files.readString(sharded.resolve("model.safetensors.index.json")))
        .contains("\"total_size\" : 40")
        .contains("\"layer.4.weight\" : \"model-00003-of-00003.safetensors\"");
    SafetensorsCheckpoint checkpoint = SafetensorsCheckpoint.open(sharded);
    assertThat(checkpoint.tensors()).hasSize(5);
    assertThat(checkpoint.readFloats("layer.3.weight")).containsExactly(3, 4, 5, 6);
    Path single = Files.createDirectory(dir.resolve("single"));
    SafetensorsWriter.writeCheckpoint(single, tensors, TensorType.F32, 1 << 20);
    assertThat(Files.exists(single.resolve("model.safetensors"))).isTrue();
    assertThat(SafetensorsCheckpoint.open(single).readFloats("layer.0.weight"))
        .containsExactly(0, 1, 2, 3);
    Files.delete(sharded.resolve("model-00002-of-00003.safetensors"));
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(sharded))
        .isInstanceOf(ModelLoadException.class)
        .hasMessageContaining("maps tensor layer.2.weight to model-00002-of-00003.safetensors,"
            + " which is missing");
    assertThatThrownBy(() -> SafetensorsCheckpoint.open(dir))
        .hasMessageContaining("has no model.safetensors or model.safetensors.index.json");
  }
}
