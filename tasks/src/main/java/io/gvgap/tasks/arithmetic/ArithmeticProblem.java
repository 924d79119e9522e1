package io.gvgap.tasks.arithmetic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generated problem: positive operands of a fixed digit count joined by operations.
 *
 * @param operands the operands, left to right
 * @param operations the operations between them ({@code operations.size() == operands.size() - 1})
 */
record ArithmeticProblem(List<BigInteger> operands, List<Character> operations) {

  ArithmeticProblem {
    operands = List.copyOf(operands);
    operations = List.copyOf(operations);
  }

  /**
   * Problem {@code index} of {@code seed}; it depends on the seed, the index and the options alone.
   * {@link java.util.Random} is fully specified, so problems do not change between Java versions.
   */
  static ArithmeticProblem generate(ArithmeticOptions options, long seed, long index) {
    // java.util.Random's first draws barely differ between neighbouring seeds, so (seed, index) is
    // mixed first (SplitMix64's finaliser); without it the problems of one seed shared their first
    // operand.
    Random random = new Random(mix(seed * 0x9E3779B97F4A7C15L + index));
    int digits = options.digits();
    if (options.fewestDigits() < digits) {
      // drawn only for a mix, so problems of a fixed digit count are those of earlier versions
      digits =
          options.fewestDigits() + random.nextInt(options.digits() - options.fewestDigits() + 1);
    }
    long low = (long) Math.pow(10, digits - 1);
    long high = (long) Math.pow(10, digits) - 1;
    List<BigInteger> operands = new ArrayList<>();
    List<Character> operations = new ArrayList<>();
    for (int i = 0; i < options.terms(); i++) {
      operands.add(BigInteger.valueOf(low + (long) (random.nextDouble() * (high - low + 1))));
      if (i > 0) {
        operations.add(
            options.operations().charAt(random.nextInt(options.operations().length())));
      }
    }
    return new ArithmeticProblem(operands, operations);
  }

  /** The expression as written in the question, e.g. {@code 47+85*3}. */
  String expression() {
    return render(operands, operations);
  }

  static String render(List<BigInteger> operands, List<Character> operations) {
    StringBuilder text = new StringBuilder(operands.get(0).toString());
    for (int i = 0; i < operations.size(); i++) {
      text.append(operations.get(i)).append(operands.get(i + 1));
    }
    return text.toString();
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole 64-bit range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
