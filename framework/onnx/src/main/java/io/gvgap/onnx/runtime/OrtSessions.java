package io.gvgap.onnx.runtime;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Session options for a device and thread count, with clear errors for an unusable device.
 *
 * <p>For developers: with the system property {@value #PROFILE_PROPERTY} set to a file prefix, every
 * session records ONNX Runtime's profile (a Chrome-trace JSON per session, {@code
 * PREFIX-N_<timestamp>.json}, N numbering the sessions, written when the session closes); {@code bench/profile-summary.py}
 * sums it by operator type.
 */
public final class OrtSessions {
  /** System property naming the profile file prefix; unset (the default) records nothing. */
  public static final String PROFILE_PROPERTY = "gvgap.onnx.profile";

  private static final AtomicInteger PROFILED_SESSIONS = new AtomicInteger();

  private OrtSessions() {}

  /**
   * Options with all graph optimisations, {@code threads} intra-op threads (0: ONNX Runtime's
   * default) and the execution provider for {@code device} ({@code cpu} or {@code cuda}).
   */
  public static OrtSession.SessionOptions options(int threads, String device) throws OrtException {
    if (threads < 0) {
      throw new IllegalArgumentException(
          "threads must be >= 0 (0 lets ONNX Runtime choose), was " + threads);
    }
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    if (threads > 0) {
      options.setIntraOpNumThreads(threads);
    }
    String profile = System.getProperty(PROFILE_PROPERTY, "");
    if (!profile.isBlank()) {
      // numbered: sessions created in the same second would otherwise share one file name
      options.enableProfiling(profile + "-" + PROFILED_SESSIONS.incrementAndGet());
    }
    switch (device.toLowerCase(Locale.ROOT)) {
      case "cpu" -> {}
      case "cuda" -> {
        try {
          options.addCUDA(0);
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
          options.close();
          throw new IllegalStateException(
              "device 'cuda' was asked for but ONNX Runtime's CUDA provider could not be "
                  + "loaded (" + e.getMessage()
                  + "). It needs the com.microsoft.onnxruntime:onnxruntime_gpu jar on the "
                  + "classpath instead of onnxruntime, an NVIDIA GPU, and the CUDA 12 and cuDNN 9 libraries "
                  + "(libcudart.so.12, libcublas.so.12, libcudnn.so.9) on the library path. Use device 'cpu' otherwise.",
              e);
        }
      }
      default -> {
        options.close();
        throw new IllegalArgumentException("device must be 'cpu' or 'cuda', was '" + device + "'");
      }
    }
    return options;
  }
}
