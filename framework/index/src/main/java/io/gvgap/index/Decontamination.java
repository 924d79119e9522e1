package io.gvgap.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Word n-gram overlap between a training set and evaluation prompts, the usual contamination test
 * (13-grams in GPT-3's and later audits). Texts are normalised with {@link TextNormalizer} first.
 *
 * <p>The n-gram length depends on the evaluation prompt: a prompt of at least {@code n} words uses
 * {@code n}-grams; a shorter prompt of at least {@code shortN} words uses {@code shortN}-grams; a
 * prompt shorter than that counts as contaminated only when a training text contains all of it (its
 * whole word sequence is its one gram). Every overlapping (training text, prompt) pair is listed.
 */
public final class Decontamination {

  /** N-gram length for short prompts used by {@link #overlaps(List, List, int)}. */
  public static final int DEFAULT_SHORT_N = 8;

  private Decontamination() {
  }

  /** Overlaps at {@code n}-grams, with {@code min(n, 8)}-grams for prompts shorter than {@code n} words. */
  public static List<Overlap> overlaps(List<String> trainTexts, List<String> evalPrompts, int n) {
    return overlaps(trainTexts, evalPrompts, n, Math.min(n, DEFAULT_SHORT_N));
  }

  /** Overlaps at {@code n}-grams, with {@code shortN}-grams for prompts shorter than {@code n} words. */
  public static List<Overlap> overlaps(List<String> trainTexts, List<String> evalPrompts, int n, int shortN) {
    if (n < 1 || shortN < 1 || shortN > n) {
      throw new IllegalArgumentException("need 1 <= shortN <= n, got n = " + n + ", shortN = " + shortN);
    }
    Map<String, List<Integer>> promptsByGram = new HashMap<>();
    int[] gramLength = new int[evalPrompts.size()];
    TreeSet<Integer> lengths = new TreeSet<>();
    for (int p = 0; p < evalPrompts.size(); p++) {
      String[] words = words(evalPrompts.get(p));
      if (words.length == 0) {
        continue;
      }
      int length = words.length >= n ? n : Math.min(words.length, shortN);
      gramLength[p] = length;
      lengths.add(length);
      for (String gram : grams(words, length)) {
        List<Integer> prompts = promptsByGram.computeIfAbsent(gram, g -> new ArrayList<>(1));
        if (prompts.isEmpty() || prompts.get(prompts.size() - 1) != p) {
          prompts.add(p);
        }
      }
    }
    List<Overlap> overlaps = new ArrayList<>();
    for (int t = 0; t < trainTexts.size(); t++) {
      String[] words = words(trainTexts.get(t));
      Map<Integer, TreeSet<String>> sharedByPrompt = new LinkedHashMap<>();
      for (int length : lengths) {
        for (String gram : grams(words, length)) {
          for (int prompt : promptsByGram.getOrDefault(gram, List.of())) {
            if (gramLength[prompt] == length) {
              sharedByPrompt.computeIfAbsent(prompt, k -> new TreeSet<>()).add(gram);
            }
          }
        }
      }
      for (Map.Entry<Integer, TreeSet<String>> hit : new java.util.TreeMap<>(sharedByPrompt).entrySet()) {
        overlaps.add(new Overlap(t, hit.getKey(), gramLength[hit.getKey()], hit.getValue().size(),
            hit.getValue().first()));
      }
    }
    return overlaps;
  }

  private static String[] words(String text) {
    String normalised = TextNormalizer.normalize(text);
    return normalised.isEmpty() ? new String[0] : normalised.split(" ");
  }

  private static List<String> grams(String[] words, int length) {
    List<String> grams = new ArrayList<>(Math.max(0, words.length - length + 1));
    for (int i = 0; i + length <= words.length; i++) {
      grams.add(String.join(" ", java.util.Arrays.asList(words).subList(i, i + length)));
    }
    return grams;
  }
}
