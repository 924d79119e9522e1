package io.gvgap.bench.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Few-shot arithmetic word-problem prompts in the shape gvgap's tasks build (solved examples, then
 * the question to answer), made from a seed so every run and both implementations see the same
 * text. Only printable ASCII and newlines, so a character-level tokenizer gives one token per
 * character.
 */
public final class FewShotPrompts {
  private static final String[] NAMES = {
    "Ada", "Ben", "Chloe", "Dev", "Emma", "Farid", "Grace", "Hiro", "Ines", "Jon"
  };
  private static final String[] THINGS = {
    "apples", "pencils", "stamps", "marbles", "books", "coins", "shells", "cards"
  };

  private FewShotPrompts() {}

  /**
   * {@code count} prompts of about {@code targetCharacters} characters each: solved examples, then
   * an unsolved question ending in {@code "A:"}. Whole examples are added while adding one brings
   * the prompt's length closer to the target, so a prompt misses the target by at most half an
   * example (about 70 characters) and lengths vary from prompt to prompt as real few-shot prompts do.
   */
  public static List<String> build(int count, int targetCharacters, long seed) {
    List<String> prompts = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + p);
      String question = "Q: " + Problem.random(random).question() + "\nA:";
      StringBuilder examples = new StringBuilder();
      while (true) {
        Problem problem = Problem.random(random);
        String example = "Q: " + problem.question() + "\nA: " + problem.solution() + "\n\n";
        int without = examples.length() + question.length();
        if (Math.abs(without + example.length() - targetCharacters)
            >= Math.abs(without - targetCharacters)) {
          break;
        }
        examples.append(example);
      }
      prompts.add(examples + question);
    }
    return prompts;
  }

  /** One word problem: a person has some things, gets more, gives some away. */
  private record Problem(String name, String thing, int start, int gained, int given) {
    static Problem random(SplittableRandom random) {
      int start = 5 + random.nextInt(40);
      int gained = 1 + random.nextInt(30);
      return new Problem(
          NAMES[random.nextInt(NAMES.length)],
          THINGS[random.nextInt(THINGS.length)],
          start,
          gained,
          1 + random.nextInt(start + gained - 1));
    }

    String question() {
      return name + " has " + start + " " + thing + ", buys " + gained + " more and gives away "
          + given + ". How many " + thing + " are left?";
    }

    String solution() {
      int total = start + gained;
      return start + " + " + gained + " = " + total + "; " + total + " - " + given + " = "
          + (total - given) + ". The answer is " + (total - given) + ".";
    }
  }
}
