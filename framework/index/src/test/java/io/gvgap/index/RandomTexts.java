package io.gvgap.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded random word texts and word-level mutations for the dedup tests. */
final class RandomTexts {

  private RandomTexts() {}

  /** A random word from a vocabulary of 20 000 (so unrelated texts share almost no 3-word shingle). */
  static String word(Random random) {
    return "w" + Integer.toString(random.nextInt(20_000), 36);
  }

  static String words(Random random, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      text.append(word(random));
    }
    return text.toString();
  }

  /** Applies {@code edits} random word edits: substitution, insertion or deletion with equal odds. */
  static String mutate(Random random, String text, int edits) {
    List<String> tokens = new ArrayList<>(Arrays.asList(text.split(" ")));
    for (int e = 0; e < edits; e++) {
      int kind = random.nextInt(3);
      if (kind == 0 && !tokens.isEmpty()) {
        tokens.set(random.nextInt(tokens.size()), word(random));
      } else if (kind == 1 || tokens.size() < 2) {
        tokens.add(random.nextInt(tokens.size() + 1), word(random));
      } else {
        tokens.remove(random.nextInt(tokens.size()));
      }
    }
    return String.join(" ", tokens);
  }
}
