package io.gvgap.index;

import java.util.HashSet;
import java.util.Set;

/** An independent, string-based shingle set and Jaccard similarity to check the hashed ones against. */
final class BruteForceShingles {

  private BruteForceShingles() {}

  static Set<String> of(String text, ShingleUnit unit, int size) {
    String normalised = TextNormalizer.normalize(text);
    Set<String> shingles = new HashSet<>();
    if (normalised.isEmpty()) {
      return shingles;
    }
    if (unit == ShingleUnit.CHARACTER) {
      if (normalised.length() < size) {
        shingles.add(normalised);
      }
      for (int i = 0; i + size <= normalised.length(); i++) {
        shingles.add(normalised.substring(i, i + size));
      }
      return shingles;
    }
    String[] words = normalised.split(" ");
    if (words.length < size) {
      shingles.add(normalised);
    }
    for (int i = 0; i + size <= words.length; i++) {
      shingles.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + size)));
    }
    return shingles;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1.0;
    }
    Set<String> intersection = new HashSet<>(a);
    intersection.retainAll(b);
    return (double) intersection.size() / (a.size() + b.size() - intersection.size());
  }

  static double jaccard(String a, String b, ShingleUnit unit, int size) {
    return jaccard(of(a, unit, size), of(b, unit, size));
  }
}
