package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two tokenizer families real checkpoints ship, written as their tokenizer.json files are
 * (small vocabularies, the real components): byte-level BPE (GPT-2, Llama 3, Qwen2) and
 * SentencePiece-style BPE with byte fallback (Llama 2, Mistral, Gemma), loaded through DJL; and the
 * beginning-of-sequence token as tokenizer_config.json's {@code add_bos_token} says.
 */
class RealTokenizersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** GPT-2's byte-to-character map: printable bytes map to themselves, the rest to U+0100 on. */
  static String byteChar(int b) {
    if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
      return String.valueOf((char) b);
    }
    int n = 0;
    for (int c = 0; c < b; c++) {
      if (!((c >= '!' && c <= '~') || (c >= 0xA1 && c <= 0xAC) || (c >= 0xAE && c <= 0xFF))) {
        n++;
      }
    }
    return String.valueOf((char) (256 + n));
  }

  /** A byte-level BPE tokenizer.json: 256 byte symbols, merges for "he", "ll", "hell", "Ġw". */
  static ObjectNode byteLevelBpe() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    ArrayNode added = root.putArray("added_tokens");
    added
        .addObject()
        .put("id", 262)
        .put("content", "<|endoftext|>")
        .put("special", true)
        .put("single_word", false)
        .put("lstrip", false)
        .put("rstrip", false)
        .put("normalized", false);
    root.putNull("normalizer");
    root.putObject("pre_tokenizer")
        .put("type", "ByteLevel")
        .put("add_prefix_space", false)
        .put("trim_offsets", true)
        .put("use_regex", true);
    root.putObject("post_processor")
        .put("type", "ByteLevel")
        .put("add_prefix_space", false)
        .put("trim_offsets", false)
        .put("use_regex", true);
    root.putObject("decoder")
        .put("type", "ByteLevel")
        .put("add_prefix_space", false)
        .put("trim_offsets", true)
        .put("use_regex", true);
    ObjectNode model = root.putObject("model");
    model
        .put("type", "BPE")
        .putNull("dropout")
        .putNull("unk_token")
        .putNull("continuing_subword_prefix")
        .putNull("end_of_word_suffix")
        .put("fuse_unk", false)
        .put("byte_fallback", false);
    ObjectNode vocab = model.putObject("vocab");
    for (int b = 0; b < 256; b++) {
      vocab.put(byteChar(b), b);
    }
    vocab.put("he", 256);
    vocab.put("ll", 257);
    vocab.put("hell", 258);
    vocab.put("Ġw", 259);
    vocab.put("or", 260);
    vocab.put("Ġwor", 261);
    ArrayNode merges = model.putArray("merges");
    for (String merge : List.of("h e", "l l", "he ll", "Ġ w", "o r", "Ġw or")) {
      merges.add(merge);
    }
    return root;
  }

  /**
   * A SentencePiece-style tokenizer.json (Llama 2's layout): "▁" prepended and spaces replaced,
   * BPE with byte fallback (ids 3-258 are {@code <0x00>}-{@code <0xFF>}), {@code <s>} added by the
   * post-processor, pieces for "▁h", "i" and "▁hi".
   */
  static ObjectNode sentencePieceBpe() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    ArrayNode added = root.putArray("added_tokens");
    String[] specials = {"<unk>", "<s>", "</s>"};
    for (int i = 0; i < 3; i++) {
      added
          .addObject()
          .put("id", i)
          .put("content", specials[i])
          .put("special", true)
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", false);
    }
    ObjectNode normalizer = root.putObject("normalizer").put("type", "Sequence");
    ArrayNode steps = normalizer.putArray("normalizers");
    steps.addObject().put("type", "Prepend").put("prepend", "▁");
    steps.addObject().put("type", "Replace").putObject("pattern").put("String", " ");
    ((ObjectNode) steps.get(1)).put("content", "▁");
    root.putNull("pre_tokenizer");
    ObjectNode post = root.putObject("post_processor").put("type", "TemplateProcessing");
    ArrayNode single = post.putArray("single");
    single.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    ArrayNode pair = post.putArray("pair");
    pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 0);
    pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
    pair.addObject().putObject("SpecialToken").put("id", "<s>").put("type_id", 1);
    pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
    ObjectNode bos = post.putObject("special_tokens").putObject("<s>");
    bos.put("id", "<s>");
    bos.putArray("ids").add(1);
    bos.putArray("tokens").add("<s>");
    ObjectNode decoder = root.putObject("decoder").put("type", "Sequence");
    ArrayNode decoders = decoder.putArray("decoders");
    decoders
        .addObject()
        .put("type", "Replace")
        .put("content", " ")
        .putObject("pattern")
        .put("String", "▁");
    decoders.addObject().put("type", "ByteFallback");
    decoders.addObject().put("type", "Fuse");
    decoders
        .addObject()
        .put("type", "Strip")
        .put("content", " ")
        .put("start", 1)
        .put("stop", 0);
    ObjectNode model = root.putObject("model");
    model
        .put("type", "BPE")
        .putNull("dropout")
        .put("unk_token", "<unk>")
        .putNull("continuing_subword_prefix")
        .putNull("end_of_word_suffix")
        .put("fuse_unk", true)
        .put("byte_fallback", true);
    ObjectNode vocab = model.putObject("vocab");
    for (int i = 0; i < 3; i++) {
      vocab.put(specials[i], i);
    }
    for (int b = 0; b < 256; b++) {
      vocab.put(String.format("<0x%02X>", b), 3 + b);
    }
    vocab.put("▁", 259);
    vocab.put("h", 260);
    vocab.put("i", 261);
    vocab.put("▁h", 262);
    vocab.put("▁hi", 263);
    ArrayNode merges = model.putArray("merges");
    merges.add("▁ h");
    merges.add("▁h i");
    return root;
  }

  private Path directory(String name, ObjectNode tokenizer, Boolean addBos) throws Exception {
    Path model = Files.createDirectories(dir.resolve(name));
    JSON.writeValue(model.resolve("tokenizer.json").toFile(), tokenizer);
    ObjectNode config = JSON.createObjectNode();
    if (addBos != null) {
      config.put("add_bos_token", addBos);
    }
    config.put("bos_token", name.startsWith("spm") ? "<s>" : "<|endoftext|>");
    JSON.writeValue(model.resolve("tokenizer_config.json").toFile(), config);
    return model;
  }

  private static List<Long> list(long[] ids) {
    List<Long> list = new ArrayList<>();
    for (long id : ids) {
      list.add(id);
    }
    return list;
  }

  @Test
  void byteLevelBpeMergesAndRoundTripsAnyText() throws Exception {
    try (TextTokenizer tokenizer = TextTokenizer.open(directory("bpe", byteLevelBpe(), null))) {
      // "hello world": "hello" -> he + ll -> hell, then o; " world" -> Ġw + or -> Ġwor, l, d
      assertThat(list(tokenizer.encode("hello world", true)))
          .containsExactly(258L, (long) 'o', 261L, (long) 'l', (long) 'd');
      String text = "héllo, wörld ✓ 12";
      long[] ids = tokenizer.encode(text, true);
      // é is two bytes (C3 A9), each its own symbol
      assertThat(list(ids)).contains((long) 0xC3, (long) 0xA9);
      assertThat(tokenizer.decode(ids)).isEqualTo(text);
      assertThat(tokenizer.maxId()).isEqualTo(262);
    }
  }

  @Test
  void sentencePieceStyleBpeAddsItsBosAndFallsBackToBytes() throws Exception {
    try (TextTokenizer tokenizer = TextTokenizer.open(directory("spm", sentencePieceBpe(), null))) {
      // "hi hi": normalised "▁hi▁hi" -> ▁hi ▁hi, after the post-processor's <s>
      assertThat(list(tokenizer.encode("hi hi", true))).containsExactly(1L, 263L, 263L);
      assertThat(list(tokenizer.encode("hi hi", false))).containsExactly(263L, 263L);
      // "é" has no piece: its UTF-8 bytes C3 A9 -> <0xC3> <0xA9> (ids 3 + byte)
      long[] ids = tokenizer.encode("hé", true);
      assertThat(list(ids)).containsExactly(1L, 262L, 3L + 0xC3, 3L + 0xA9);
      assertThat(tokenizer.decode(ids)).isEqualTo("hé");
    }
  }

  @Test
  void tokenizerConfigDecidesTheBeginningOfSequenceToken() throws Exception {
    // add_bos_token false: the post-processor's <s> is dropped, as the library's fast Llama
    // tokenizer rebuilds its post-processor from tokenizer_config.json
    try (TextTokenizer tokenizer =
        TextTokenizer.open(directory("spm-nobos", sentencePieceBpe(), false))) {
      assertThat(list(tokenizer.encode("hi", true))).containsExactly(263L);
    }
    // add_bos_token true with a post-processor that adds nothing: <s> is put first
    ObjectNode plain = sentencePieceBpe();
    plain.putNull("post_processor");
    try (TextTokenizer tokenizer = TextTokenizer.open(directory("spm-bos", plain, true))) {
      assertThat(list(tokenizer.encode("hi", true))).containsExactly(1L, 263L);
      assertThat(list(tokenizer.encode("hi", false))).containsExactly(263L);
    }
    // not said: the tokenizer.json's own behaviour
    try (TextTokenizer tokenizer = TextTokenizer.open(directory("spm-plain", plain, null))) {
      assertThat(list(tokenizer.encode("hi", true))).containsExactly(263L);
    }
  }
}
