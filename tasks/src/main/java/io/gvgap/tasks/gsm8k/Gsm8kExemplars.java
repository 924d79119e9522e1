package io.gvgap.tasks.gsm8k;

import io.gvgap.tasks.common.JudgedExample;
import java.util.List;

/**
 * Hand-written exemplars in the GSM8K solution style (reasoning lines, then {@code #### n}). They are
 * not taken from the GSM8K test set, so every test question stays in the evaluation.
 */
final class Gsm8kExemplars {

  /** A worked problem: question and solution. */
  record Solved(String question, String solution) {}

  static final List<Solved> SOLVED = List.of(
      new Solved(
          "A baker makes 24 muffins in the morning and 18 in the afternoon. She sells 35 muffins."
              + " How many muffins are left?",
          "She makes 24 + 18 = 42 muffins.\nAfter selling, 42 - 35 = 7 muffins are left.\n#### 7"),
      new Solved(
          "Tom buys 3 notebooks at $4 each and a pen for $2. He pays with a $20 bill. How much change"
              + " does he get?",
          "The notebooks cost 3 * 4 = $12.\nWith the pen he spends 12 + 2 = $14.\nHis change is 20 - 14 = $6.\n#### 6"),
      new Solved(
          "The temperature was 5 degrees at noon and fell 3 degrees every hour for 4 hours. What was"
              + " the temperature then?",
          "It fell 3 * 4 = 12 degrees.\nThe temperature was 5 - 12 = -7 degrees.\n#### -7"),
      new Solved(
          "Maria has 120 stickers. She gives a quarter of them to her brother and 15 to her friend."
              + " How many stickers does she keep?",
          "A quarter of 120 is 120 / 4 = 30 stickers.\nShe gives away 30 + 15 = 45 stickers.\n"
              + "She keeps 120 - 45 = 75 stickers.\n#### 75"),
      new Solved(
          "A school orders 1,250 pencils in boxes of 50. Each box costs $12. How much does the order cost?",
          "There are 1,250 / 50 = 25 boxes.\nThey cost 25 * 12 = $300.\n#### 300"),
      new Solved(
          "A train travels at 60 miles per hour for 2.5 hours. How many miles does it travel?",
          "It travels 60 * 2.5 = 150 miles.\n#### 150"),
      new Solved(
          "A garden is 12 meters long and 8 meters wide. Fencing costs $15 per meter. How much does it"
              + " cost to fence the garden?",
          "The perimeter is 2 * (12 + 8) = 40 meters.\nThe fence costs 40 * 15 = $600.\n#### 600"),
      new Solved(
          "Sam earns $18 per hour and works 7 hours a day for 5 days. He saves half of it. How much"
              + " does he save?",
          "He works 7 * 5 = 35 hours.\nHe earns 35 * 18 = $630.\nHe saves 630 / 2 = $315.\n#### 315"));

  static final List<JudgedExample> JUDGED = List.of(
      new JudgedExample(
          "A farmer has 3 fields with 14 cows each. He sells 9 cows. How many cows does he have now?",
          "He has 3 * 14 = 42 cows.\nAfter selling, 42 - 9 = 33 cows.\n#### 33",
          "3 fields of 14 cows is 3 * 14 = 42 cows, and 42 - 9 = 33. The final answer 33 follows.",
          9,
          "He has 3 + 14 = 17 cows.\nAfter selling, 17 - 9 = 8 cows.\n#### 8",
          "3 fields of 14 cows is 3 * 14 = 42 cows, not 3 + 14 = 17. He has 42 - 9 = 33 cows, not 8.",
          2),
      new JudgedExample(
          "A book costs $12 and a bookmark costs $1.50. Lena buys 2 books and 4 bookmarks."
              + " How much does she spend?",
          "2 books cost 2 * 12 = $24.\n4 bookmarks cost 4 * 1.50 = $6.\nShe spends 24 + 6 = $30.\n#### 30",
          "2 * 12 = 24 and 4 * 1.50 = 6 are right, and 24 + 6 = 30. The final answer 30 follows.",
          9,
          "2 books cost 2 * 12 = $24.\n4 bookmarks cost 4 * 1.50 = $4.\nShe spends 24 + 4 = $28.\n#### 28",
          "4 * 1.50 = 6, not 4, so she spends 24 + 6 = 30, not 28.",
          2));

  private Gsm8kExemplars() {}
}
