package io.gvgap.tasks.arithmetic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the step-by-step solution of a problem in a regular format a small character-level model
 * can learn: one operation per step (multiplications first, then left to right), each worked column
 * by column with its carry or borrow, the remaining expression after each step, and a last line
 * {@code Answer: n}.
 *
 * <p>It can also write a solution with one deliberate slip: one column's value off by one, with all
 * later work done correctly from the wrong value, so that the final answer is wrong; verification
 * corpora use these.
 */
final class SolutionWriter {

  /**
   * A slip to inject.
   *
   * @param column which column line of the whole solution is wrong (counted from 0)
   * @param up whether the column's value is one too high (else one too low, where that is possible)
   */
  record Slip(int column, boolean up) {}

  /**
   * One operation of a solution as written.
   *
   * @param left left operand
   * @param operation the operation
   * @param right right operand
   * @param written the result the solution wrote
   */
  record Step(BigInteger left, char operation, BigInteger right, BigInteger written) {

    /** The correct result of the operation on the written operands. */
    BigInteger correct() {
      return switch (operation) {
        case '+' -> left.add(right);
        case '-' -> left.subtract(right);
        default -> left.multiply(right);
      };
    }

    /** The operation as text, e.g. {@code 132-23}. */
    String text() {
      return left + String.valueOf(operation) + right;
    }
  }

  /**
   * A written solution.
   *
   * @param text the full text, ending with the line {@code Answer: n}
   * @param answer the final answer written
   * @param steps the operations in order
   * @param columns how many column lines the text has (the places a slip can go)
   */
  record Solution(String text, BigInteger answer, List<Step> steps, int columns) {}

  private final StringBuilder text = new StringBuilder();
  private final Slip slip;
  private int column;

  private SolutionWriter(Slip slip) {
    this.slip = slip;
  }

  /** The correct solution. */
  static Solution write(ArithmeticProblem problem) {
    return new SolutionWriter(null).solve(problem);
  }

  /** The solution with one slip; its answer differs from the correct one. */
  static Solution writeWithSlip(ArithmeticProblem problem, Slip slip) {
    return new SolutionWriter(slip).solve(problem);
  }

  private Solution solve(ArithmeticProblem problem) {
    List<BigInteger> operands = new ArrayList<>(problem.operands());
    List<Character> operations = new ArrayList<>(problem.operations());
    List<Step> steps = new ArrayList<>();
    while (!operations.isEmpty()) {
      int at = operations.indexOf('*');
      if (at < 0) {
        at = 0;
      }
      BigInteger left = operands.get(at);
      BigInteger right = operands.get(at + 1);
      char operation = operations.get(at);
      BigInteger result =
          operation == '*' ? multiply(left, right) : addOrSubtract(left, operation, right);
      text.append(left)
          .append(operation)
          .append(right)
          .append('=')
          .append(result)
          .append('\n');
      steps.add(new Step(left, operation, right, result));
      operands.set(at, result);
      operands.remove(at + 1);
      operations.remove(at);
      if (!operations.isEmpty()) {
        text.append("= ").append(ArithmeticProblem.render(operands, operations)).append('\n');
      }
    }
    text.append("Answer: ").append(operands.get(0));
    return new Solution(text.toString(), operands.get(0), List.copyOf(steps), column);
  }

  /** Signed {@code left op right} with {@code right >= 0}, reduced to an addition or subtraction of magnitudes. */
  private BigInteger addOrSubtract(BigInteger left, char operation, BigInteger right) {
    BigInteger a = left.abs();
    boolean leftNegative = left.signum() < 0;
    boolean sameSign = leftNegative == (operation == '-');
    text.append(left).append(operation).append(right).append(":\n");
    if (sameSign) {
      // -a-b = -(a+b); a+b stays
      if (leftNegative) {
        text.append("= -(").append(a).append('+').append(right).append(")\n");
      }
      BigInteger sum = addColumns(a, right);
      return leftNegative ? sum.negate() : sum;
    }
    // a-b or -a+b: subtract the smaller magnitude from the larger, keep the larger one's sign
    boolean leftLarger = a.compareTo(right) >= 0;
    BigInteger big = leftLarger ? a : right;
    BigInteger small = leftLarger ? right : a;
    boolean negative = leftLarger == leftNegative;
    if (negative || leftNegative) {
      text.append("= ")
          .append(negative ? "-(" : "(")
          .append(big)
          .append('-')
          .append(small)
          .append(")\n");
    }
    BigInteger difference = subtractColumns(big, small);
    return negative ? difference.negate() : difference;
  }

  /** Column addition of non-negative numbers: "7+5+0=12 write 2 carry 1" per column. */
  private BigInteger addColumns(BigInteger x, BigInteger y) {
    String a = x.toString();
    String b = y.toString();
    int width = Math.max(a.length(), b.length());
    StringBuilder digits = new StringBuilder();
    int carry = 0;
    for (int k = 0; k < width; k++) {
      int da = digit(a, k);
      int db = digit(b, k);
      int sum = slipped(da + db + carry, 18 + 1);
      text.append(da)
          .append('+')
          .append(db)
          .append('+')
          .append(carry)
          .append('=')
          .append(sum)
          .append(" write ")
          .append(sum % 10)
          .append(" carry ")
          .append(sum / 10)
          .append('\n');
      digits.append(sum % 10);
      carry = sum / 10;
    }
    if (carry > 0) {
      text.append("write ").append(carry).append('\n');
      digits.append(carry);
    }
    return new BigInteger(digits.reverse().toString());
  }

  /** Column subtraction of {@code x >= y >= 0}: "14-0-8=6 write 6 borrow 1" per column. */
  private BigInteger subtractColumns(BigInteger x, BigInteger y) {
    String a = x.toString();
    String b = y.toString();
    StringBuilder digits = new StringBuilder();
    int borrowIn = 0;
    for (int k = 0; k < a.length(); k++) {
      int top = digit(a, k);
      int bottom = digit(b, k);
      int borrowOut = top - borrowIn - bottom < 0 ? 1 : 0;
      int value = slipped(top + 10 * borrowOut - borrowIn - bottom, 9);
      text.append(top + 10 * borrowOut)
          .append('-')
          .append(borrowIn)
          .append('-')
          .append(bottom)
          .append('=')
          .append(value)
          .append(" write ")
          .append(value)
          .append(" borrow ")
          .append(borrowOut)
          .append('\n');
      digits.append(value);
      borrowIn = borrowOut;
    }
    return new BigInteger(digits.reverse().toString());
  }

  /** Long multiplication of positive numbers: one partial product per digit of y, then their sum. */
  private BigInteger multiply(BigInteger x, BigInteger y) {
    String b = y.toString();
    text.append(x).append('*').append(y).append(":\n");
    // a one-digit multiplier has a single partial product: the step's own result line states it
    BigInteger total = null;
    for (int j = 0; j < b.length(); j++) {
      int d = digit(b, j);
      BigInteger partial = multiplyByDigit(x, d, b.length() > 1).multiply(BigInteger.TEN.pow(j));
      if (j > 0) {
        text.append("shift ").append(j).append(": ").append(partial).append('\n');
      }
      if (total == null) {
        total = partial;
      } else {
        text.append(total).append('+').append(partial).append(":\n");
        total = addColumns(total, partial);
      }
    }
    return total;
  }

  /** {@code x * d} column by column: "7*5+0=35 write 5 carry 3"; then "x*d=p" when asked. */
  private BigInteger multiplyByDigit(BigInteger x, int d, boolean statePartial) {
    String a = x.toString();
    StringBuilder digits = new StringBuilder();
    int carry = 0;
    for (int k = 0; k < a.length(); k++) {
      int da = digit(a, k);
      int product = slipped(da * d + carry, 89);
      text.append(da)
          .append('*')
          .append(d)
          .append('+')
          .append(carry)
          .append('=')
          .append(product)
          .append(" write ")
          .append(product % 10)
          .append(" carry ")
          .append(product / 10)
          .append('\n');
      digits.append(product % 10);
      carry = product / 10;
    }
    if (carry > 0) {
      text.append("write ").append(carry).append('\n');
      digits.append(carry);
    }
    BigInteger partial = new BigInteger(digits.reverse().toString());
    if (statePartial) {
      text.append(x).append('*').append(d).append('=').append(partial).append('\n');
    }
    return partial;
  }

  /** The column's value, off by one when this is the slipped column (kept within [0, max]). */
  private int slipped(int value, int max) {
    int index = column++;
    if (slip == null || slip.column() != index) {
      return value;
    }
    boolean up = value == 0 || (slip.up() && value < max);
    return up ? value + 1 : value - 1;
  }

  /** The k-th digit from the right, 0 beyond the number's length. */
  private static int digit(String number, int k) {
    int i = number.length() - 1 - k;
    return i >= 0 ? number.charAt(i) - '0' : 0;
  }
}
