package io.gvgap.tasks.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a LaTeX final answer into one canonical form, so that equivalent answers are equal strings:
 * {@code \dfrac{1}{2}}, {@code \frac12}, {@code 0.5}, {@code 1/2} and {@code \left(\frac{1}{2}\right)}
 * without the parentheses all become {@code 1/2}.
 *
 * <p>Normalisation: {@code \dfrac} and {@code \tfrac} become {@code \frac}; {@code \left} and
 * {@code \right} before a delimiter, LaTeX spacing ({@code \!}, {@code \,}, {@code \;}), degree
 * marks ({@code ^\circ}, {@code °}), dollar signs, percent signs, a unit after a value
 * ({@code \text{ unit}}, {@code \text{cm}^2}, {@code 12 cm}) and white space are removed (one space
 * stays where it ends a command before a letter, as in {@code \pm x}); Unicode minus, π, ∞, ±, ×, ·
 * and √ become LaTeX; {@code 1{,}000} loses its braces; {@code \text{ or }} becomes a comma;
 * {@code \text{...}} and {@code \mbox{...}} are unwrapped; trailing full stops go; {@code \frac12}
 * and {@code \sqrt2} get their braces; a leading "x =" goes; thousands separators go.
 * Then a number (integer, decimal, fraction, with sign) becomes the reduced fraction {@code p/q} or
 * the integer {@code p}.
 */
public final class LatexAnswers {

  private static final Pattern LEFT_RIGHT =
      Pattern.compile("\\\\(?:left|right)(?=[()\\[\\]|.]|\\\\[{}|])");
  private static final Pattern SPACING = Pattern.compile("\\\\[!,;: ]");
  private static final Pattern DEGREES = Pattern.compile("\\^\\s*\\{?\\s*\\\\circ\\s*\\}?");
  private static final Pattern UNIT =
      Pattern.compile("(?<=\\S)\\s*\\\\(?:text|mbox|mathrm)\\{\\s+[^{}]*\\}\\s*$");
  /** A unit in text after a number, with or without a space inside: {@code 12 \text{cm}}, {@code 8\text{ cm}^2}. */
  private static final Pattern UNIT_AFTER_NUMBER = Pattern.compile(
      "(?<=[\\d}])\\s*\\\\(?:text|mbox|mathrm)\\{\\s*[a-zA-Z][a-zA-Z .]*\\}\\s*(?:\\^\\s*\\{?\\s*[23]\\s*\\}?)?\\s*$");
  /** A plain unit word after a number and a space: {@code 12 cm}, {@code 6 square units}. */
  private static final Pattern PLAIN_UNIT =
      Pattern.compile("(?<=\\d)\\s+(?:square\\s+|sq\\s+|cubic\\s+)?"
          + "(?:units?|cm|mm|km|meters?|metres?|inches|inch|feet|foot|ft|yards?|miles?|degrees?|dollars?|cents?"
          + "|hours?|minutes?|seconds?|days?|mph|pounds?)(?:\\s*\\^\\s*\\{?[23]\\}?)?\\s*$");
  /** "or" and "and" in text between the members of an answer list. */
  private static final Pattern TEXT_SEPARATOR =
      Pattern.compile("\\s*\\\\(?:text|mbox)\\{\\s*(?:or|and)\\s*\\}\\s*");

  private static final Pattern UNICODE_ROOT = Pattern.compile("\u221a(\\d+(?:\\.\\d+)?)");
  private static final Pattern COMMAND_THEN_LETTER =
      Pattern.compile("(?<=\\\\[a-zA-Z]{1,30})\\s+(?=[a-zA-Z])");
  private static final Pattern WRAPPER =
      Pattern.compile("\\\\(?:text|textbf|mbox|mathrm)\\{([^{}]*)\\}");
  private static final Pattern FRAC_SHORT =
      Pattern.compile("\\\\frac(?:(\\d)|\\{([^{}]*)\\})(?:(\\d)|\\{([^{}]*)\\})");
  private static final Pattern SQRT_SHORT = Pattern.compile("\\\\sqrt(\\w)");
  private static final Pattern VARIABLE_EQUALS = Pattern.compile("^[a-zA-Z]=");
  private static final Pattern THOUSANDS = Pattern.compile("^-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?$");
  private static final Pattern DECIMAL = Pattern.compile("^[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)$");
  private static final Pattern FRACTION = Pattern.compile(
      "^([-+]?)(?:\\\\frac\\{([-+]?[\\d.]+)\\}\\{([-+]?[\\d.]+)\\}|([-+]?[\\d.]+)/([-+]?[\\d.]+))$");

  private LatexAnswers() {}

  /** The canonical form of an answer: a reduced fraction or integer when it is a number, else normalised LaTeX. */
  public static String canonical(String latex) {
    String normalized = normalize(latex);
    return rational(normalized).orElse(normalized);
  }

  /** Whether two answers are equivalent: their canonical forms are equal. */
  public static boolean equivalent(String a, String b) {
    return canonical(a).equals(canonical(b));
  }

  /** The string normalisation alone (see the class description). */
  public static String normalize(String latex) {
    String s = unicode(latex.strip().replace("\n", " "));
    s = s.replace("{,}", ",").replace("\\lbrace", "\\{").replace("\\rbrace", "\\}");
    s = s.replace("\\dfrac", "\\frac").replace("\\tfrac", "\\frac").replace("\\displaystyle", "");
    s = LEFT_RIGHT.matcher(s).replaceAll("");
    s = SPACING.matcher(s).replaceAll("");
    s = DEGREES.matcher(s).replaceAll("");
    s = s.replace("\\$", "").replace("$", "").replace("\\%", "").replace("%", "");
    s = UNIT.matcher(s).replaceAll("");
    s = UNIT_AFTER_NUMBER.matcher(s).replaceAll("");
    s = PLAIN_UNIT.matcher(s).replaceAll("");
    s = TEXT_SEPARATOR.matcher(s).replaceAll(",");
    for (String before = null; !s.equals(before); ) {
      before = s;
      s = WRAPPER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }
    // white space goes, except one space that ends a command before a letter: \pm x must not become
    // \pmx
    s = COMMAND_THEN_LETTER
        .matcher(s)
        .replaceAll("\u0001")
        .replaceAll("\\s+", "")
        .replace('\u0001', ' ');
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    s = FRAC_SHORT
        .matcher(s)
        .replaceAll(m ->
            Matcher.quoteReplacement("\\frac{" + either(m, 1, 2) + "}{" + either(m, 3, 4) + "}"));
    s = SQRT_SHORT.matcher(s).replaceAll("\\\\sqrt{$1}");
    if (VARIABLE_EQUALS.matcher(s).find()) {
      s = s.substring(2);
    }
    if (THOUSANDS.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    return s;
  }

  /** Unicode that models write for LaTeX: the minus sign, π, ∞, the degree sign, ±, ×, ·, √. */
  private static String unicode(String s) {
    s = s.replace('\u2212', '-')
        .replace('\u2013', '-')
        .replace("\u00b0", "")
        .replace("\u03c0", "\\pi ")
        .replace("\u221e", "\\infty ")
        .replace("\u00b1", "\\pm ")
        .replace("\u2213", "\\mp ")
        .replace("\u00d7", "\\times ")
        .replace("\u00b7", "\\cdot ")
        .replace("\u22c5", "\\cdot ");
    s = UNICODE_ROOT.matcher(s).replaceAll("\\\\sqrt{$1}");
    return s.replace("\u221a", "\\sqrt");
  }

  private static String either(java.util.regex.MatchResult m, int digitGroup, int braceGroup) {
    return m.group(digitGroup) != null ? m.group(digitGroup) : m.group(braceGroup);
  }

  /** A number written as an integer, decimal or fraction, as a reduced {@code p/q} or {@code p}. */
  private static Optional<String> rational(String s) {
    try {
      if (DECIMAL.matcher(s).matches()) {
        return Optional.of(reduced(new BigDecimal(s), BigDecimal.ONE));
      }
      Matcher fraction = FRACTION.matcher(s);
      if (fraction.matches()) {
        String numerator = fraction.group(2) != null ? fraction.group(2) : fraction.group(4);
        String denominator = fraction.group(3) != null ? fraction.group(3) : fraction.group(5);
        BigDecimal p = new BigDecimal(numerator);
        BigDecimal q = new BigDecimal(denominator);
        if (q.signum() == 0) {
          return Optional.empty();
        }
        return Optional.of(reduced(fraction.group(1).equals("-") ? p.negate() : p, q));
      }
    } catch (NumberFormatException e) {
      return Optional.empty(); // "1.2.3" matches the character classes but is not a number
    }
    return Optional.empty();
  }

  private static String reduced(BigDecimal numerator, BigDecimal denominator) {
    // scale both to integers: p/q = (p * 10^k) / (q * 10^k)
    int scale = Math.max(0, Math.max(numerator.scale(), denominator.scale()));
    BigInteger p = numerator.movePointRight(scale).toBigIntegerExact();
    BigInteger q = denominator.movePointRight(scale).toBigIntegerExact();
    if (q.signum() < 0) {
      p = p.negate();
      q = q.negate();
    }
    BigInteger gcd = p.gcd(q);
    if (gcd.signum() != 0) {
      p = p.divide(gcd);
      q = q.divide(gcd);
    }
    return q.equals(BigInteger.ONE) ? p.toString() : p + "/" + q;
  }
}
