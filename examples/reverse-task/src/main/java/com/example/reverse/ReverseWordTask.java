package com.example.reverse;

import io.gvgap.api.task.Answer;
import io.gvgap.api.task.DefaultVerificationFormats;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Reverse the letters of a word. The task owns a fixed pool of {@value #POOL} made-up lowercase
 * words (word {@code i} is drawn from a generator seeded with {@code i}, so it never changes); a
 * request's seed shuffles the pool and its limit takes the first words. The answer is the first line
 * of the completion, lowercased, without surrounding quotes or a final period.
 */
public final class ReverseWordTask implements Task {

  /** How many words the task has. */
  public static final int POOL = 1000;

  private final int letters;

  /** A task whose words have {@code letters} letters. */
  public ReverseWordTask(int letters) {
    this.letters = letters;
  }

  /** Word {@code index} of the pool: {@code letters} letters drawn from a generator seeded with the index. */
  String word(int index) {
    Random random = new Random(index);
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < letters; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    return word.toString();
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < POOL; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(request.seed()));
    List<Example> examples = new ArrayList<>();
    for (int index : order.subList(0, Math.min(POOL, request.limit()))) {
      String word = word(index);
      examples.add(new Example("w" + index, question(word), new StringBuilder(word).reverse().toString()));
    }
    return examples;
  }

  private static String question(String word) {
    return "Reverse the letters of the word \"" + word + "\".";
  }

  @Override
  public Prompt generationPrompt(Example example) {
    // two solved examples show the answer format; the completion stops at the end of its line
    return new Prompt(question("cat") + "\nAnswer: tac\n\n" + question("lamp") + "\nAnswer: pmal\n\n"
        + example.question() + "\nAnswer:", List.of("\n"));
  }

  @Override
  public Answer extract(Example example, String completion) {
    for (String line : completion.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      // quotes around the word and a final period are decoration, not part of the answer
      String answer = line.strip().toLowerCase(Locale.ROOT).replaceAll("^[\"']+|[\"'.]+$", "");
      // model output is untrusted: only a plain word counts as an answer
      return answer.matches("[a-z]+") ? Answer.of(answer) : Answer.none();
    }
    return Answer.none();
  }

  @Override
  public double utility(Example example, Answer answer) {
    return answer.found() && answer.value().equals(example.reference()) ? 1.0 : 0.0;
  }

  @Override
  public VerificationFormats verification() {
    return DefaultVerificationFormats.INSTANCE;
  }
}
