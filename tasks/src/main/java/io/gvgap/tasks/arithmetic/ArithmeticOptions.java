package io.gvgap.tasks.arithmetic;

import io.gvgap.api.Option;
import java.util.Objects;

/**
 * Options of the {@code arithmetic} task: the difficulty of generated problems.
 *
 * @param digits digits of every operand
 * @param operations the operations problems may use, some of {@code +}, {@code -}, {@code *}
 * @param terms operands per problem
 * @param count how many problems the task has for a seed
 * @param shots how many solved problems open the generation prompt
 * @param verificationShots how many judged problems (each with a right and a wrong solution) open
 *     the verification prompts; fewer keeps them within a small model's context
 * @param minDigits the fewest digits of an operand: each problem draws its digit count uniformly from
 *     {@code minDigits} to {@code digits} (all its operands have that many); 0 means {@code digits},
 *     every problem the same length
 */
public record ArithmeticOptions(
    @Option(description = "digits of every operand (1 to 9)", defaultValue = "2")
    int digits,

    @Option(
        description = "operations problems may use: one or more of + - * (e.g. \"+-*\")",
        defaultValue = "+-")
    String operations,

    @Option(
        description = "operands per problem (2 to 6); multiplication binds before + and -",
        defaultValue = "2")
    int terms,

    @Option(
        description = "number of problems per seed (a request takes at most this many)",
        defaultValue = "500")
    int count,

    @Option(
        description = "number of solved problems in the generation prompt (0 to 8)",
        defaultValue = "3")
    int shots,

    @Option(
        description =
            "judged problems (a right and a wrong solution each) in verification prompts (0 to 2)",
        defaultValue = "2")
    int verificationShots,

    @Option(
        description = "fewest digits of an operand (0 = digits): each problem draws its digit count"
            + " uniformly from min_digits to digits, a mix of difficulties",
        defaultValue = "0")
    int minDigits) {

  /** Validates the options. */
  public ArithmeticOptions {
    Objects.requireNonNull(operations, "operations");
    if (digits < 1 || digits > 9) {
      throw new IllegalArgumentException("digits must be from 1 to 9, was " + digits);
    }
    if (operations.isEmpty()
        || !operations.matches("[-+*]+")
        || operations.chars().distinct().count() != operations.length()) {
      throw new IllegalArgumentException(
          "operations must be one or more distinct characters of \"+-*\", was \"" + operations
              + "\"");
    }
    if (terms < 2 || terms > 6) {
      throw new IllegalArgumentException("terms must be from 2 to 6, was " + terms);
    }
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    if (shots < 0 || shots > 8) {
      throw new IllegalArgumentException("shots must be from 0 to 8, was " + shots);
    }
    if (verificationShots < 0 || verificationShots > 2) {
      throw new IllegalArgumentException(
          "verification_shots must be from 0 to 2, was " + verificationShots);
    }
    if (minDigits < 0 || minDigits > digits) {
      throw new IllegalArgumentException("min_digits must be from 1 to digits (" + digits
          + "), or 0 for digits, was " + minDigits);
    }
  }

  /** Options whose problems all have {@code digits}-digit operands. */
  public ArithmeticOptions(
      int digits, String operations, int terms, int count, int shots, int verificationShots) {
    this(digits, operations, terms, count, shots, verificationShots, 0);
  }

  /** The fewest digits of an operand ({@link #minDigits()}, or {@link #digits()} when it is 0). */
  public int fewestDigits() {
    return minDigits == 0 ? digits : minDigits;
  }

  /** Options with the default two judged problems in verification prompts. */
  public ArithmeticOptions(int digits, String operations, int terms, int count, int shots) {
    this(digits, operations, terms, count, shots, 2);
  }

  /** These options with {@code verificationShots} judged problems in verification prompts. */
  public ArithmeticOptions withVerificationShots(int verificationShots) {
    return new ArithmeticOptions(
        digits, operations, terms, count, shots, verificationShots, minDigits);
  }

  /** The defaults: two-digit addition and subtraction of two operands. */
  public ArithmeticOptions() {
    this(2, "+-", 2, 500, 3);
  }
}
