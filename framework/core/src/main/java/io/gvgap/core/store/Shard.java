package io.gvgap.core.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One slice of a run's examples, written {@code i/n}: shard {@code i} (0-based) of {@code n}
 * takes, of each task's examples in the order the spec would run them (same limit, seed and
 * order), those at the positions {@code p} with {@code p mod n == i}.
 *
 * <p>Round-robin, not contiguous blocks, because data sets are often sorted (by source, length or
 * difficulty): striding spreads easy and hard examples evenly over the shards, so the shards take
 * about the same time and any shard's metrics are a fair preview of the whole; shard sizes differ by
 * at most one example. The slice depends only on the position, so a killed shard resumes exactly
 * like an unsharded run, and {@code gvgap merge} restores the unsharded order by position.
 *
 * @param index the shard's index, {@code 0 <= index < count}
 * @param count the number of shards, at least 1
 */
public record Shard(int index, int count) {

  private static final Pattern FORM = Pattern.compile("\\s*(-?\\d+)\\s*/\\s*(-?\\d+)\\s*");

  /** Validates the fields. */
  public Shard {
    if (count < 1) {
      throw new IllegalArgumentException("shard count " + count
          + " must be at least 1; expected I/N with" + " 0 <= I < N, e.g. 0/4");
    }
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard index " + index + " is not in 0.." + (count - 1) + " (shards are"
              + " numbered from 0); expected I/N with 0 <= I < N, e.g. "
              + Math.max(0, Math.min(index, count - 1)) + "/"
              + count);
    }
  }

  /** The whole run: one shard of one, what an unsharded run does. */
  public static Shard whole() {
    return new Shard(0, 1);
  }

  /**
   * Parses {@code I/N}, e.g. {@code 2/8}.
   *
   * @throws IllegalArgumentException saying what is wrong with the text and the expected form
   */
  public static Shard parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a shard; expected I/N (two whole numbers with"
              + " 0 <= I < N), e.g. 0/4 for the first of four shards");
    }
    try {
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' has a number too large for a shard; expected I/N with"
              + " 0 <= I < N, e.g. 0/4",
          e);
    }
  }

  /** Whether this is the whole run ({@code 0/1}). */
  @JsonIgnore
  public boolean isWhole() {
    return count == 1;
  }

  /** Whether this shard takes the example at {@code position} of its task's example list. */
  public boolean includes(int position) {
    return position % count == index;
  }

  /** The shard as written on the command line, {@code i/n}. */
  public String label() {
    return index + "/" + count;
  }

  /** The default run directory of this shard under the spec's output: {@code OUTPUT/shard-i-of-n}. */
  public Path directoryUnder(Path output) {
    return output.resolve("shard-" + index + "-of-" + count);
  }

  @Override
  public String toString() {
    return label();
  }
}
