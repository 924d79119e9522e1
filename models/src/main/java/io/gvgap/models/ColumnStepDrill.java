package io.gvgap.models;

import java.util.SplittableRandom;

/**
 * Drill text of single column steps in the notation of the {@code arithmetic} task's solutions:
 * {@code "a+b+c=s write d carry e"} for addition (c the carry in) and {@code "t-i-b=v write v borrow o"}
 * for subtraction (t the top digit plus 10 when the column borrows, i the borrow in), and
 * {@code "a*m+c=p write d carry e"} for multiplication by a digit. Each line is one digit fact.
 */
final class ColumnStepDrill {
  /** Column steps per drill document (each at most 26 characters, so a document stays under 560). */
  static final int LINES_PER_DOCUMENT = 20;

  private static final long SEED = 0x5DEECE66DL;

  private ColumnStepDrill() {}

  /** Drill document {@code index}: its steps' operations drawn uniformly from {@code operations}. */
  static String document(long index, String operations) {
    // SplittableRandom mixes its seed, so consecutive indices give unrelated streams
    SplittableRandom random = new SplittableRandom(SEED + index);
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < LINES_PER_DOCUMENT; line++) {
      char operation = operations.charAt(random.nextInt(operations.length()));
      text.append(step(
              operation,
              random.nextInt(10),
              random.nextInt(10),
              random.nextInt(operation == '*' ? 9 : 2)))
          .append('\n');
    }
    return text.toString();
  }

  /**
   * One column step: for {@code +} digits a and b with carry in c; for {@code -} top digit a, bottom
   * digit b and borrow in c; for {@code *} digit a times multiplier b plus carry c.
   */
  static String step(char operation, int a, int b, int c) {
    return switch (operation) {
      case '+' -> {
        int sum = a + b + c;
        yield a + "+" + b + "+" + c + "=" + sum + " write " + sum % 10 + " carry " + sum / 10;
      }
      case '-' -> {
        int borrow = a - c - b < 0 ? 1 : 0;
        int value = a + 10 * borrow - c - b;
        yield (a + 10 * borrow) + "-" + c + "-" + b + "=" + value + " write " + value + " borrow "
            + borrow;
      }
      case '*' -> {
        int product = a * b + c;
        yield a + "*" + b + "+" + c + "=" + product + " write " + product % 10 + " carry "
            + product / 10;
      }
      default ->
        throw new IllegalArgumentException("no column step for operation '" + operation + "'");
    };
  }
}
