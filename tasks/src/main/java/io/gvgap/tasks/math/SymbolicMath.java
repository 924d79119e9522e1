package io.gvgap.tasks.math;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.form.tex.TeXParser;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Symbolic equality of two LaTeX expressions through Symja ({@code matheclipse-core}): {@code a − b}
 * simplifies to exactly zero. Only a small, tested part of LaTeX reaches Symja (numbers, one-letter
 * variables, {@code + - * / ^}, parentheses, {@code \frac}, {@code \sqrt}, {@code \pi}, {@code \infty},
 * {@code \cdot}, {@code \times}), and only when both use the same letters (case kept); anything else
 * is "not comparable" and left to string comparison, because Symja's LaTeX parser reads some other
 * forms wrongly (it reads {@code \sin 30} as {@code 0·sin 3}). Decimals become exact fractions first,
 * so {@code 0.333} never equals 1/3.
 *
 * <p>Every comparison runs on one worker thread under a time limit: a runaway expression is stopped
 * (Symja's stop request, then an interrupt) and counts as "not shown equal"; a worker that does not stop
 * is abandoned (a daemon thread) and a new one takes over. Symja starts on the first comparison (about
 * a second on one core, outside the time limit) and only in processes that need it.
 */
final class SymbolicMath {

  private static final System.Logger LOG = System.getLogger(SymbolicMath.class.getName());
  /** LaTeX commands that Symja's parser reads as gvgap means them (each tested in SymbolicMathTest). */
  private static final Pattern COMMAND = Pattern.compile("\\\\([a-zA-Z]+)");

  private static final Set<String> COMMANDS =
      Set.of("frac", "sqrt", "pi", "infty", "cdot", "times");
  private static final Pattern ALLOWED_CHARACTERS =
      Pattern.compile("[0-9a-zA-Z\\\\+\\-*/^(){}\\[\\]. ]*");
  private static final Pattern TWO_LETTERS = Pattern.compile("(?<![\\\\a-zA-Z])[a-zA-Z]{2,}");
  private static final Pattern DECIMAL = Pattern.compile("(\\d*)\\.(\\d+)");
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  private static final AtomicLong TIMEOUTS = new AtomicLong();
  /**
   * Answers repeat across a prompt's samples: results are kept (a timeout's "not equal" too, so a runaway
   * answer costs its limit once), the least recently used dropped first.
   */
  private static final int CACHE_SIZE = 20_000;

  private static final java.util.Map<String, Boolean> CACHE =
      new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
          return size() > CACHE_SIZE;
        }
      };
  private static Worker worker;
  private static boolean unavailable;

  private SymbolicMath() {}

  /** Whether Symja may be asked about the expression (see the class description). */
  static boolean comparable(String latex) {
    if (latex.isEmpty()
        || !ALLOWED_CHARACTERS.matcher(latex).matches()
        || TWO_LETTERS.matcher(latex).find()) {
      return false;
    }
    return COMMAND.matcher(latex).results().allMatch(m -> COMMANDS.contains(m.group(1)));
  }

  /**
   * Whether {@code a} and {@code b} are shown equal within {@code limit}; false when either is not
   * {@link #comparable}, does not parse, or the comparison runs out of time.
   */
  static synchronized boolean equal(String a, String b, Duration limit) {
    if (!comparable(a) || !comparable(b) || !letters(a).equals(letters(b))) {
      return false;
    }
    String key = a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    Boolean known = CACHE.get(key);
    if (known != null) {
      return known;
    }
    Boolean result = compare(a, b, limit);
    if (result == null) {
      return false;
    }
    CACHE.put(key, result);
    return result;
  }

  /** The comparison's result, or null when it says nothing about the expressions (Symja unavailable, interrupted). */
  private static Boolean compare(String a, String b, Duration limit) {
    String exactA = exactDecimals(a);
    String exactB = exactDecimals(b);
    if (unavailable) {
      return null;
    }
    if (worker == null) {
      Worker started = new Worker();
      if (!started.start()) {
        started.executor.shutdownNow();
        unavailable =
            !Thread.currentThread().isInterrupted(); // an interrupted start may be tried again
        return null;
      }
      worker = started;
    }
    Worker current = worker;
    Future<Boolean> result = current.executor.submit(() -> current.compare(exactA, exactB));
    try {
      return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      TIMEOUTS.incrementAndGet();
      LOG.log(
          System.Logger.Level.WARNING,
          "math: comparing \"{0}\" with \"{1}\" took over {2} ms; counted as not" + " equal",
          a,
          b,
          limit.toMillis());
      current.stop(result);
      return false;
    } catch (ExecutionException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "math: Symja could not compare \"" + a + "\" with \"" + b + "\"",
          e.getCause());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.stop(result);
      return null;
    }
  }

  /**
   * The letters outside commands, case kept. Two answers with different letters are never compared:
   * Symja reads both {@code e} and {@code E} as Euler's number and both {@code i} and {@code I} as the
   * imaginary unit, so choice (E) would otherwise equal e.
   */
  static Set<Character> letters(String latex) {
    Set<Character> letters = new java.util.TreeSet<>();
    for (char c : COMMAND.matcher(latex).replaceAll(" ").toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letters.add(c);
      }
    }
    return letters;
  }

  /** How many comparisons ran out of time in this process. */
  static long timeouts() {
    return TIMEOUTS.get();
  }

  /** {@code 2.5} becomes {@code (\frac{25}{10})}: Symja would read it as an inexact double. */
  static String exactDecimals(String latex) {
    return DECIMAL.matcher(latex).replaceAll(m -> {
      String whole = m.group(1).isEmpty() ? "0" : m.group(1);
      return "(\\\\frac{" + whole + m.group(2) + "}{1" + "0".repeat(m.group(2).length()) + "})";
    });
  }

  /** The Symja engine on its own daemon thread; replaced when a comparison will not stop. */
  private static final class Worker {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "gvgap-math-symja");
      thread.setDaemon(true);
      return thread;
    });
    private volatile ExprEvaluator evaluator;
    /** Heads an accepted expression may have after parsing; anything else (Equal, Set, a function call) is refused. */
    private Set<IExpr> heads;

    private Set<IExpr> constants;

    boolean start() {
      Future<?> started = executor.submit(this::initialise);
      try {
        started.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        return true;
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "math: the symbolic comparison (Symja) did not start; answers are"
                + " compared as normalised strings only",
            e);
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }

    private void initialise() {
      if (System.getProperty("log4j2.loggerContextFactory") == null) {
        // Symja logs through Log4j 2's API; without this it prints a warning that no Log4j core is
        // present
        System.setProperty(
            "log4j2.loggerContextFactory",
            "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
      }
      Config.MAX_BIT_LENGTH = 100_000; // 10^(10^10) fails fast instead of filling the heap
      Config.MAX_POLYNOMIAL_DEGREE = 1_000;
      Config.MAX_AST_SIZE = 100_000;
      Config.FILESYSTEM_ENABLED = false;
      F.initSymbols();
      ExprEvaluator created = new ExprEvaluator();
      EvalEngine engine = created.getEvalEngine();
      PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
      engine.setOutPrintStream(silent);
      engine.setErrorPrintStream(silent);
      engine.setQuietMode(true);
      heads = Set.of(S.Plus, S.Times, S.Power, S.Sqrt, S.Rational, S.Complex, S.DirectedInfinity);
      constants = Set.of(S.Pi, S.E, S.I, S.Infinity, S.ComplexInfinity);
      evaluator = created;
    }

    boolean compare(String a, String b) {
      TeXParser parser = new TeXParser();
      IExpr x = parser.parse(a);
      IExpr y = parser.parse(b);
      if (!arithmetic(x) || !arithmetic(y)) {
        return false;
      }
      IExpr ex = evaluator.eval(x);
      IExpr ey = evaluator.eval(y);
      if (ex.equals(ey)) {
        return true;
      }
      if (ex.isInfinity()
          || ex.isNegativeInfinity()
          || ey.isInfinity()
          || ey.isNegativeInfinity()
          || ex.isComplexInfinity()
          || ey.isComplexInfinity()
          || ex.isIndeterminate()
          || ey.isIndeterminate()) {
        return false; // infinity − infinity is Indeterminate, never zero
      }
      return evaluator.eval(F.Simplify(F.Subtract(ex, ey))).isZero();
    }

    /** Only arithmetic on numbers, one-letter variables and the constants survives (see heads, constants). */
    private boolean arithmetic(IExpr expr) {
      if (expr.isNumber()) {
        return true;
      }
      if (expr.isSymbol()) {
        String name = ((ISymbol) expr).getSymbolName();
        return constants.contains(expr)
            || (name.length() == 1 && Character.isLetter(name.charAt(0)));
      }
      if (!expr.isAST()) {
        return false;
      }
      IAST ast = (IAST) expr;
      if (!heads.contains(ast.head())) {
        return false;
      }
      for (int i = 1; i < ast.size(); i++) {
        if (!arithmetic(ast.get(i))) {
          return false;
        }
      }
      return true;
    }

    void stop(Future<Boolean> running) {
      ExprEvaluator current = evaluator;
      if (current != null) {
        current.getEvalEngine().stopRequest();
      }
      running.cancel(true);
      Future<?> probe = executor.submit(() -> {
        if (current != null) {
          current.getEvalEngine().setStopRequested(false);
        }
      });
      try {
        probe.get(2, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "math: a symbolic comparison did not stop; starting a new worker");
        executor.shutdownNow();
        synchronized (SymbolicMath.class) {
          worker = null;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
