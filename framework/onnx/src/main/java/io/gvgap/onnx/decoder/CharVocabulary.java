package io.gvgap.onnx.decoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A character-level vocabulary: id 0 is {@value #END_OF_TEXT} (end of sequence, also used as
 * beginning and padding), id 1 is {@value #UNKNOWN} (any character outside the alphabet), then one
 * id per alphabet character in order. It is written as a Hugging Face {@code tokenizer.json} (a BPE
 * model with single-character tokens and no merges, no pre-tokenizer, a Fuse decoder), which DJL's
 * tokenizers and transformers.js both load.
 *
 * @param alphabet the characters with their own ids, each once; only BMP characters
 */
public record CharVocabulary(String alphabet) {
  /** The end-of-text token's text. */
  public static final String END_OF_TEXT = "<|endoftext|>";
  /** The unknown-character token's text. */
  public static final String UNKNOWN = "<unk>";
  /** Id of {@link #END_OF_TEXT}. */
  public static final int END_OF_TEXT_ID = 0;
  /** Id of {@link #UNKNOWN}. */
  public static final int UNKNOWN_ID = 1;

  /** Checks that no character repeats and none is a surrogate. */
  public CharVocabulary {
    Set<Character> seen = new LinkedHashSet<>();
    for (char c : alphabet.toCharArray()) {
      if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "alphabet character U+" + Integer.toHexString(c) + " is a surrogate");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("alphabet repeats character '" + c + "'");
      }
    }
  }

  /** Newline plus the printable ASCII characters (space to tilde): 95 + 1 characters, 98 ids. */
  public static CharVocabulary printableAscii() {
    StringBuilder chars = new StringBuilder("\n");
    for (char c = ' '; c <= '~'; c++) {
      chars.append(c);
    }
    return new CharVocabulary(chars.toString());
  }

  /** Number of ids: the two special tokens plus the alphabet. */
  public int size() {
    return alphabet.length() + 2;
  }

  /** The id of a character: its alphabet position + 2, or {@link #UNKNOWN_ID}. */
  public int id(char c) {
    int index = alphabet.indexOf(c);
    return index < 0 ? UNKNOWN_ID : index + 2;
  }

  /** The {@code tokenizer.json} document. */
  public ObjectNode tokenizerJson(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    root.put("version", "1.0");
    root.putNull("truncation");
    root.putNull("padding");
    ArrayNode added = root.putArray("added_tokens");
    List<String> specials = new ArrayList<>(List.of(END_OF_TEXT, UNKNOWN));
    for (int id = 0; id < specials.size(); id++) {
      added
          .addObject()
          .put("id", id)
          .put("content", specials.get(id))
          .put("single_word", false)
          .put("lstrip", false)
          .put("rstrip", false)
          .put("normalized", false)
          .put("special", true);
    }
    root.putNull("normalizer");
    root.putNull("pre_tokenizer");
    root.putNull("post_processor");
    root.putObject("decoder").put("type", "Fuse");
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.put("unk_token", UNKNOWN);
    model.putNull("continuing_subword_prefix");
    model.putNull("end_of_word_suffix");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    model.put("ignore_merges", false);
    ObjectNode vocab = model.putObject("vocab");
    vocab.put(END_OF_TEXT, END_OF_TEXT_ID);
    vocab.put(UNKNOWN, UNKNOWN_ID);
    for (int i = 0; i < alphabet.length(); i++) {
      vocab.put(String.valueOf(alphabet.charAt(i)), i + 2);
    }
    model.putArray("merges");
    return root;
  }

  /** The {@code tokenizer_config.json} document transformers.js reads beside tokenizer.json. */
  public ObjectNode tokenizerConfigJson(ObjectMapper mapper, int contextLength) {
    ObjectNode root = mapper.createObjectNode();
    root.put("tokenizer_class", "PreTrainedTokenizerFast");
    root.put("bos_token", END_OF_TEXT);
    root.put("eos_token", END_OF_TEXT);
    root.put("unk_token", UNKNOWN);
    root.put("pad_token", END_OF_TEXT);
    root.put("model_max_length", contextLength);
    root.put("clean_up_tokenization_spaces", false);
    root.put("add_prefix_space", false);
    return root;
  }
}
