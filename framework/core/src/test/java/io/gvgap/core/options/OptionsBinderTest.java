package io.gvgap.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.gvgap.api.NoOptions;
import io.gvgap.api.Option;
import io.gvgap.core.testplugins.LineTaskProvider;
import io.gvgap.core.testplugins.ThresholdFilterProvider;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionsBinderTest {

  /** How often to retry, nested inside {@link Everything}. */
  public record Retry(
      @Option(description = "attempts", defaultValue = "3") int attempts,

      @Option(description = "pause in seconds", defaultValue = "0.5")
      double pauseSeconds) {
    /** Rejects a non-positive attempt count. */
    public Retry {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be >= 1, was " + attempts);
      }
    }
  }

  /** A selection mode, to test enum spelling. */
  public enum Mode {
    BEST_OF_N,
    KEEP_ALL
  }

  /** Every supported component type. */
  public record Everything(
      @Option(description = "a name") String name,
      @Option(description = "a count", defaultValue = "2") int count,

      @Option(description = "a big count", defaultValue = "10000000000")
      long bigCount,

      @Option(description = "a ratio", defaultValue = "0.25")
      double ratio,

      @Option(description = "a switch", defaultValue = "false")
      boolean verbose,

      @Option(description = "a mode", defaultValue = "keep-all")
      Mode mode,

      @Option(description = "a file", defaultValue = "data/x.jsonl")
      Path file,

      @Option(description = "stop strings", defaultValue = "[\"\\n\"]")
      List<String> stops,

      @Option(description = "k values", defaultValue = "[1, 4]")
      Set<Integer> ks,

      @Option(description = "headers", defaultValue = "{}") Map<String, String> headers,

      @Option(description = "an optional path", defaultValue = "null")
      Path cache,

      @Option(description = "maximum new tokens", defaultValue = "64")
      Integer maxNewTokens,

      Retry retry) {}

  /** An unsupported component type (float). */
  public record Unsupported(@Option(description = "x") float x) {}

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void appliesEveryDefaultWhenOnlyTheRequiredOptionIsGiven() {
    Everything bound = OptionsBinder.bind(Everything.class, map("name", "n"));

    assertThat(bound)
        .isEqualTo(new Everything(
            "n",
            2,
            10_000_000_000L,
            0.25,
            false,
            Mode.KEEP_ALL,
            Path.of("data/x.jsonl"),
            List.of("\n"),
            Set.of(1, 4),
            Map.of(),
            null,
            64,
            new Retry(3, 0.5)));
  }

  @Test
  void bindsEveryTypeFromYamlLikeValues() {
    Everything bound = OptionsBinder.bind(
        Everything.class,
        map(
            "name",
            "n",
            "count",
            7,
            "big_count",
            3L,
            "ratio",
            1,
            "verbose",
            true,
            "mode",
            "Best-Of-N",
            "file",
            "a/b.txt",
            "stops",
            List.of("x", "y"),
            "ks",
            List.of(16, 1),
            "headers",
            map("a", "b", "n", 5),
            "cache",
            "tmp",
            "max_new_tokens",
            9,
            "retry",
            map("attempts", 5, "pause_seconds", 2.5)));

    assertThat(bound)
        .isEqualTo(new Everything(
            "n",
            7,
            3L,
            1.0,
            true,
            Mode.BEST_OF_N,
            Path.of("a/b.txt"),
            List.of("x", "y"),
            Set.of(16, 1),
            Map.of("a", "b", "n", "5"),
            Path.of("tmp"),
            9,
            new Retry(5, 2.5)));
    assertThat(bound.ks()).containsExactly(16, 1);
  }

  @Test
  void theTestProvidersRecordBindsWithDefaults() {
    LineTaskProvider.Options bound =
        OptionsBinder.bind(LineTaskProvider.Options.class, map("data", "q.txt"));

    assertThat(bound).isEqualTo(new LineTaskProvider.Options(Path.of("q.txt"), 4, List.of()));
  }

  @Test
  void unknownKeyNamesItTheNearestKeyAndAllKeys() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(LineTaskProvider.Options.class, map("data", "q.txt", "shot", 4)));

    assertThat(e.path()).containsExactly("shot");
    assertThat(e.getMessage())
        .isEqualTo(
            "shot: unknown option 'shot'; did you mean 'shots'? Valid options: data, shots, tags");
  }

  @Test
  void severalUnknownKeysAreAllListed() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(ThresholdFilterProvider.Options.class, map("tua", 1, "zzz", 2)));

    // "tua" is one swap from "tau"; "zzz" is 3 edits from it, too far for a guess.
    assertThat(e.problem())
        .isEqualTo(
            "unknown options 'tua', 'zzz'; for 'tua' did you mean 'tau'? Valid options: tau");
  }

  @Test
  void optionsForAComponentWithoutOptionsAreRejected() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class, () -> OptionsBinder.bind(NoOptions.class, map("k", 1)));

    assertThat(e.problem())
        .isEqualTo("unknown option 'k'; this component takes no options, remove them");
  }

  @Test
  void missingRequiredOptionIsNamedWithItsTypeAndDescription() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(LineTaskProvider.Options.class, map("shots", 2)));

    assertThat(e.path()).containsExactly("data");
    assertThat(e.problem())
        .isEqualTo(
            "missing required option 'data' (path: text file with one 'question|answer' per line);"
                + " add it to the options");
  }

  @Test
  void wrongTypeNamesFieldExpectedTypeAndValue() {
    assertThat(problem(LineTaskProvider.Options.class, map("data", "q", "shots", "four")))
        .isEqualTo("shots: expected an integer, was 'four' (a string)");
    assertThat(problem(LineTaskProvider.Options.class, map("data", "q", "shots", 4.0)))
        .isEqualTo("shots: expected an integer, was 4.0 (a decimal number)");
    assertThat(problem(LineTaskProvider.Options.class, map("data", 5)))
        .isEqualTo("data: expected a path, was 5 (an integer)");
    assertThat(problem(Everything.class, map("name", 3)))
        .isEqualTo(
            "name: expected a string, was 3 (an integer); put it in quotes to make it a string");
    assertThat(problem(Everything.class, map("name", "n", "verbose", "yes please")))
        .isEqualTo("verbose: expected a boolean, was 'yes please' (a string)");
    assertThat(problem(Everything.class, map("name", "n", "count", 3_000_000_000L)))
        .isEqualTo(
            "count: expected an integer between -2147483648 and 2147483647, was 3000000000 (an integer)");
    assertThat(problem(
            Everything.class,
            map("name", "n", "big_count", new BigInteger("99999999999999999999"))))
        .isEqualTo(
            "big_count: expected an integer between -9223372036854775808 and 9223372036854775807, was 99999999999999999999 (an integer)");
    assertThat(problem(Everything.class, map("name", "n", "ratio", "high")))
        .isEqualTo("ratio: expected a number, was 'high' (a string)");
    assertThat(problem(Everything.class, map("name", "n", "retry", 3)))
        .isEqualTo("retry: expected a mapping (Retry), was 3 (an integer)");
  }

  @Test
  void enumValuesAreListedWithASuggestion() {
    assertThat(problem(Everything.class, map("name", "n", "mode", "best-of")))
        .isEqualTo(
            "mode: expected one of best-of-n, keep-all, was 'best-of' (a string); did you mean 'best-of-n'?");
  }

  @Test
  void pathsIntoListsAndNestedRecordsAreExact() {
    OptionsException listError = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(Everything.class, map("name", "n", "stops", List.of("a", 7))));
    assertThat(listError.path()).containsExactly("stops", 1);
    assertThat(listError.getMessage())
        .isEqualTo(
            "stops[1]: expected a string, was 7 (an integer); put it in quotes to make it a string");

    OptionsException nested = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(Everything.class, map("name", "n", "retry", map("atempts", 2))));
    assertThat(nested.getMessage())
        .isEqualTo("retry.atempts: unknown option 'atempts'; did you mean 'attempts'?"
            + " Valid options: attempts, pause_seconds");

    OptionsException duplicate = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(Everything.class, map("name", "n", "ks", List.of(1, 2, 1))));
    assertThat(duplicate.getMessage())
        .isEqualTo("ks[2]: duplicate value 1 (an integer) in a set; list each value once");
  }

  @Test
  void constructorRejectionsGetTheFieldThatTheMessageNames() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class,
        () -> OptionsBinder.bind(ThresholdFilterProvider.Options.class, map("tau", 1.5)));

    assertThat(e.path()).containsExactly("tau");
    assertThat(e.getMessage()).isEqualTo("tau: must be in [0, 1], was 1.5");
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(problem(Everything.class, map("name", "n", "retry", map("attempts", 0))))
        .isEqualTo("retry.attempts: must be >= 1, was 0");
  }

  @Test
  void explicitNullIsAllowedOnlyWhereTheDefaultIsNull() {
    assertThat(OptionsBinder.bind(Everything.class, map("name", "n", "cache", null))
            .cache())
        .isNull();
    assertThat(problem(Everything.class, map("name", null)))
        .isEqualTo("name: expected a string, was null (an empty value)");
  }

  @Test
  void anUnsupportedComponentTypeIsReportedAsAPluginBug() {
    assertThat(problem(Unsupported.class, map("x", 1.0)))
        .isEqualTo("x: the options record " + Unsupported.class.getName()
            + " declares 'x' with the unsupported type float (supported: " + OptionTypes.SUPPORTED
            + "); this is a plugin bug,"
            + " report it to its author");
  }

  @Test
  void optionValuesRoundTripThroughTheBinder() {
    Everything original = new Everything(
        "n",
        7,
        3L,
        1.5,
        true,
        Mode.BEST_OF_N,
        Path.of("a/b.txt"),
        List.of("x"),
        Set.of(2),
        Map.of("a", "b"),
        null,
        9,
        new Retry(5, 2.5));

    Map<String, Object> values = OptionValues.toMap(original);

    assertThat(values)
        .containsEntry("mode", "best-of-n")
        .containsEntry("file", "a/b.txt")
        .containsEntry("max_new_tokens", 9)
        .containsEntry("retry", Map.of("attempts", 5, "pause_seconds", 2.5));
    assertThat(OptionsBinder.bind(Everything.class, values)).isEqualTo(original);
  }

  @Test
  void componentNamesBecomeSnakeCaseKeys() {
    assertThat(OptionKeys.keyOf("alpha")).isEqualTo("alpha");
    assertThat(OptionKeys.keyOf("topP")).isEqualTo("top_p");
    assertThat(OptionKeys.keyOf("maxNewTokens")).isEqualTo("max_new_tokens");
  }

  /** A threshold alone, nested by {@link Nested}: a one-component record is still a mapping. */
  public record One(
      @Option(description = "a threshold", defaultValue = "0.5")
      double tau) {}

  /** Nested records, alone and in a list, whose constructors name their fields in snake_case. */
  public record Nested(
      @Option(description = "one", defaultValue = "{}") One one,
      @Option(description = "retries", defaultValue = "[]") List<Retry> retries,
      @Option(description = "a pause", defaultValue = "1.0") double pauseSeconds,
      @Option(description = "a limit", defaultValue = "10") int limit) {
    /** Rejects a negative pause, naming the field by its spec key. */
    public Nested {
      if (pauseSeconds < 0) {
        throw new IllegalArgumentException(
            "the pause_seconds must not be negative, was " + pauseSeconds);
      }
    }
  }

  /** A plugin whose default does not fit its own component. */
  public record BadDefault(
      @Option(description = "a count", defaultValue = "many")
      int count) {}

  @Test
  void noScalarIsCoercedToAnotherKind() {
    assertThat(problem(Everything.class, map("name", "n", "verbose", 1)))
        .isEqualTo("verbose: expected a boolean, was 1 (an integer)");
    assertThat(problem(Everything.class, map("name", true)))
        .isEqualTo(
            "name: expected a string, was true (a boolean); put it in quotes to make it a string");
    assertThat(problem(Everything.class, map("name", "n", "count", "4")))
        .isEqualTo("count: expected an integer, was '4' (a string)");
    assertThat(problem(Everything.class, map("name", "n", "ratio", false)))
        .isEqualTo("ratio: expected a number, was false (a boolean)");
    assertThat(problem(Everything.class, map("name", "n", "mode", 1)))
        .isEqualTo("mode: expected one of: best-of-n, keep-all, was 1 (an integer)");
    assertThat(problem(Everything.class, map("name", "n", "stops", "x")))
        .isEqualTo("stops: expected a list of string, was 'x' (a string)");
    assertThat(problem(Everything.class, map("name", "n", "file", "")))
        .isEqualTo("file: expected a path, was '' (a string)");
  }

  @Test
  void errorsInsideNestedRecordsAndListsOfRecordsCarryTheirFullPath() {
    assertThat(problem(Nested.class, map("one", 0.5)))
        .isEqualTo("one: expected a mapping (One), was 0.5 (a decimal number)");
    assertThat(problem(Nested.class, map("one", map("tau", "high"))))
        .isEqualTo("one.tau: expected a number, was 'high' (a string)");
    assertThat(problem(
            Nested.class, map("retries", List.of(map("attempts", 2), map("atempts", 2)))))
        .isEqualTo(
            "retries[1].atempts: unknown option 'atempts'; did you mean 'attempts'? Valid options: attempts,"
                + " pause_seconds");
    assertThat(problem(Nested.class, map("retries", List.of(map(), map("attempts", 0)))))
        .isEqualTo("retries[1].attempts: must be >= 1, was 0");
    assertThat(problem(
            Everything.class, map("name", "n", "stops", java.util.Arrays.asList("a", null))))
        .isEqualTo("stops[1]: expected a string, was null (an empty value)");
    assertThat(problem(Everything.class, map("name", "n", "headers", map("a", List.of(1)))))
        .isEqualTo("headers.a: expected a string, number or boolean, was a list");
  }

  @Test
  void aConstructorMessageLandsOnTheFieldItNamesBySpecKey() {
    OptionsException e = catchThrowableOfType(
        OptionsException.class, () -> OptionsBinder.bind(Nested.class, map("pause_seconds", -1.0)));

    assertThat(e.path()).containsExactly("pause_seconds");
    assertThat(e.problem()).isEqualTo("the pause_seconds must not be negative, was -1.0");
  }

  @Test
  void aDefaultThatDoesNotFitItsComponentIsThePluginsBug() {
    assertThat(problem(BadDefault.class, map()))
        .isEqualTo("count: the default value 'many' declared by "
            + BadDefault.class.getName()
            + " is invalid (expected an integer, was 'many' (a string)); this is a plugin bug,"
            + " report it to its author");
  }

  @Test
  void aPathWithAColonIsAPathNotAUri() {
    Everything bound =
        OptionsBinder.bind(Everything.class, map("name", "n", "file", "s3:bucket/x.jsonl"));

    assertThat(bound.file()).isEqualTo(Path.of("s3:bucket/x.jsonl"));
  }

  @Test
  void aMapBuiltInCodeMayHoldPathsAndEnumConstants() {
    Everything bound = OptionsBinder.bind(
        Everything.class, map("name", "n", "file", Path.of("a/b.txt"), "mode", Mode.BEST_OF_N));

    assertThat(bound.file()).isEqualTo(Path.of("a/b.txt"));
    assertThat(bound.mode()).isEqualTo(Mode.BEST_OF_N);
  }

  @Test
  void boundCollectionsCannotBeChanged() {
    Everything bound = OptionsBinder.bind(
        Everything.class, map("name", "n", "ks", List.of(3), "headers", map("a", "b")));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bound.ks().add(4))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bound.headers().put("c", "d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static String problem(Class<? extends Record> type, Map<String, Object> values) {
    return catchThrowableOfType(OptionsException.class, () -> OptionsBinder.bind(type, values))
        .getMessage();
  }
}
