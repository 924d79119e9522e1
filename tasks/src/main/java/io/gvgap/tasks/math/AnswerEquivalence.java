package io.gvgap.tasks.math;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a final answer is equivalent to the gold answer, as researchers grading MATH check it.
 *
 * <ol>
 *   <li>Both are normalised ({@link LatexAnswers#normalize}: units, degrees, {@code \left}/{@code \right},
 *       {@code \dfrac}, spacing, Unicode, thousands separators) and equal canonical forms are equivalent.</li>
 *   <li>Lists are compared member by member: {@code \{...\}} sets and bare comma lists in any order,
 *       tuples and intervals {@code (a,b)}, {@code [a,b)} in order and with the same brackets. A member
 *       with {@code \pm} stands for two members, one with every {@code \pm} a plus (and every {@code \mp}
 *       a minus), one the other way: {@code \frac{1 \pm \sqrt{5}}{2}} is two roots.</li>
 *   <li>Members are equal when their canonical forms are (integers, decimals and fractions as reduced
 *       fractions; a mixed number {@code 2\frac{1}{2}} is 5/2), else when Symja shows their difference
 *       simplifies to zero ({@code \sqrt{12}} and {@code 2\sqrt{3}}, {@code 10^3} and {@code 1000}),
 *       within a time limit per comparison.</li>
 * </ol>
 * A decimal is exact: {@code 0.333} is not 1/3. Text answers are compared as normalised strings.
 */
public final class AnswerEquivalence {

  /** The time limit of one symbolic comparison unless another is given. */
  public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(5);

  private static final Pattern VARIABLE_EQUALS = Pattern.compile("^[a-zA-Z]=");
  private static final Pattern MIXED_NUMBER =
      Pattern.compile("^([-+]?)(\\d+)\\\\frac\\{(\\d+)\\}\\{(\\d+)\\}$");
  private static final Pattern RATIONAL = Pattern.compile("-?\\d+(?:/\\d+)?");
  private static final Pattern PLUS_MINUS = Pattern.compile("\\\\(pm|mp)(?![a-zA-Z])");

  private final Duration limit;

  /** An equivalence with the given time limit per symbolic comparison. */
  public AnswerEquivalence(Duration limit) {
    this.limit = Objects.requireNonNull(limit, "limit");
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive, was " + limit);
    }
  }

  /** An equivalence with {@link #DEFAULT_LIMIT}. */
  public AnswerEquivalence() {
    this(DEFAULT_LIMIT);
  }

  /** Whether the answer is equivalent to the gold answer (both LaTeX, raw or normalised). */
  public boolean equivalent(String answer, String gold) {
    String a = LatexAnswers.normalize(answer);
    String b = LatexAnswers.normalize(gold);
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    if (LatexAnswers.canonical(a).equals(LatexAnswers.canonical(b))) {
      return true;
    }
    Members x = Members.of(a);
    Members y = Members.of(b);
    if (x.ordered() != y.ordered() || x.items().size() != y.items().size()) {
      return false;
    }
    if (x.ordered()) {
      if (!x.brackets().equals(y.brackets())) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!sameValue(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    return matchAll(x.items(), y.items(), new boolean[y.items().size()], 0);
  }

  /** Whether every member of xs from index i on has its own equal member in ys (backtracking; lists are short). */
  private boolean matchAll(List<String> xs, List<String> ys, boolean[] used, int i) {
    if (i == xs.size()) {
      return true;
    }
    for (int j = 0; j < ys.size(); j++) {
      if (!used[j] && sameValue(xs.get(i), ys.get(j))) {
        used[j] = true;
        if (matchAll(xs, ys, used, i + 1)) {
          return true;
        }
        used[j] = false;
      }
    }
    return false;
  }

  private boolean sameValue(String x, String y) {
    String cx = LatexAnswers.canonical(mixedNumber(x));
    String cy = LatexAnswers.canonical(mixedNumber(y));
    if (cx.equals(cy)) {
      return true;
    }
    if (RATIONAL.matcher(cx).matches() && RATIONAL.matcher(cy).matches()) {
      return false; // two different reduced fractions: no need to ask Symja (most wrong answers end
      // here)
    }
    return SymbolicMath.equal(cx, cy, limit);
  }

  /** {@code 2\frac{1}{2}} as {@code \frac{5}{2}}; anything else unchanged. */
  static String mixedNumber(String s) {
    Matcher m = MIXED_NUMBER.matcher(s);
    if (!m.matches()) {
      return s;
    }
    BigInteger whole = new BigInteger(m.group(2));
    BigInteger numerator = new BigInteger(m.group(3));
    BigInteger denominator = new BigInteger(m.group(4));
    if (denominator.signum() == 0 || numerator.compareTo(denominator) >= 0) {
      return s; // 2\frac{3}{2} is not written as a mixed number: leave it to be read as a product
    }
    return m.group(1) + "\\frac{" + whole.multiply(denominator).add(numerator) + "}{" + denominator
        + "}";
  }

  /**
   * An answer's members: one, a set or bare list (unordered), or a tuple or interval (ordered, with its
   * brackets). Members of unordered answers have a leading {@code x=} removed and {@code \pm} expanded.
   */
  record Members(boolean ordered, String brackets, List<String> items) {

    static Members of(String s) {
      if (s.startsWith("\\{") && s.endsWith("\\}") && closes(s, 1, s.length() - 1)) {
        return unordered(split(s.substring(2, s.length() - 2)));
      }
      if (s.length() >= 2
          && "([".indexOf(s.charAt(0)) >= 0
          && ")]".indexOf(s.charAt(s.length() - 1)) >= 0
          && closes(s, 0, s.length() - 1)) {
        List<String> inside = split(s.substring(1, s.length() - 1));
        if (inside.size() > 1) {
          return new Members(true, "" + s.charAt(0) + s.charAt(s.length() - 1), inside);
        }
      }
      return unordered(split(s));
    }

    private static Members unordered(List<String> parts) {
      List<String> items = new ArrayList<>();
      for (String part : parts) {
        String item = VARIABLE_EQUALS.matcher(part).find() ? part.substring(2) : part;
        if (PLUS_MINUS.matcher(item).find()) {
          // every \pm takes the same sign and every \mp the other: 3\pm\sqrt{2},
          // \frac{-1\pm\sqrt{5}}{2}
          items.add(PLUS_MINUS.matcher(item).replaceAll(m -> m.group(1).equals("pm") ? "+" : "-"));
          items.add(PLUS_MINUS.matcher(item).replaceAll(m -> m.group(1).equals("pm") ? "-" : "+"));
        } else {
          items.add(item);
        }
      }
      return new Members(false, "", items);
    }

    /** Whether the bracket at {@code open} is closed exactly at {@code close} (not earlier). */
    private static boolean closes(String s, int open, int close) {
      int depth = 0;
      for (int i = open; i <= close; i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 <= close && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '}')) {
          c = s.charAt(++i);
        }
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
          if (depth == 0 && i < close) {
            return false;
          }
        }
      }
      return depth == 0;
    }

    /** Splits at commas outside any bracket; an empty member stays (and matches nothing but itself). */
    private static List<String> split(String s) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        } else if (c == ',' && depth == 0) {
          parts.add(s.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(s.substring(start));
      return parts;
    }
  }
}
