package io.gvgap.onnx.runtime;

import java.util.Locale;

/**
 * How many lanes the shared-prefix decode runs on, and ONNX Runtime threads per lane.
 *
 * <p>A decode step is many operators, most of them small (a width-144 decoder's step for 256 rows
 * is ~40 nodes of well under a millisecond each). ONNX Runtime parallelises each of them over its
 * intra-op threads, and at these sizes the threads mostly wait for each other: measured on a 2-core
 * machine (2026-12-04), the 4 x 144 member decoded 32 prompts x 16 samples at 9,784 tokens/s with 2
 * intra-op threads and 10,745 with 1. So a model below {@link #MAX_LANE_PARAMETERS} decodes on one
 * lane per thread, each lane a session with one intra-op thread decoding its own share of the rows;
 * side by side in one run (medians of 3, 64 new tokens) that gave 1.18x on 32 x 16 and 1.19x on
 * 8 x 128 for the 4 x 144 member, and 1.05x for GPT-2 small's shape on 1 x 64 (128 new tokens). Each
 * lane holds its own copy of the weights, so a larger model decodes on one lane with all the threads.
 * The system property {@value #PROPERTY} sets the lanes (1 turns lanes off) for measurements.
 */
final class DecodeLanes {
  /** System property that sets the number of lanes (a positive integer). */
  static final String PROPERTY = "gvgap.onnx.decode-lanes";
  /**
   * Models with fewer parameters decode on one lane per thread: lanes were faster on every model
   * measured (up to GPT-2 small's 124 M parameters), and a copy of the weights per lane costs at most
   * 800 MB below this bound.
   */
  static final long MAX_LANE_PARAMETERS = 200_000_000L;

  private DecodeLanes() {}

  /**
   * The lanes for a model of {@code parameters} parameters on {@code device} with {@code threads}
   * intra-op threads (0: as many as the machine's processors).
   *
   * @throws IllegalArgumentException when the property {@value #PROPERTY} is not a positive integer
   */
  static int count(int threads, String device, long parameters) {
    String forced = System.getProperty(PROPERTY, "").trim();
    int processors = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    if (!forced.isEmpty()) {
      try {
        int lanes = Integer.parseInt(forced);
        if (lanes >= 1) {
          return lanes;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "system property " + PROPERTY + " must be a positive integer, was '" + forced + "'");
    }
    if (!device.toLowerCase(Locale.ROOT).equals("cpu") || parameters >= MAX_LANE_PARAMETERS) {
      return 1;
    }
    return Math.max(1, processors);
  }

  /** Intra-op threads of each lane's session: the threads shared out, at least one. */
  static int threadsPerLane(int threads, int lanes) {
    if (lanes == 1) {
      return threads;
    }
    int processors = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    return Math.max(1, processors / lanes);
  }
}
