package io.gvgap.onnx.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether the transformers.js cross-check runs: it needs the npm packages in
 * {@code crosscheck/node_modules}. When they are missing the check is skipped on a developer
 * machine, but fails where it is required (CI, or asked for explicitly), so CI can never pass
 * without having compared token ids.
 */
final class CrossCheckRequirement {
  private CrossCheckRequirement() {}

  /**
   * Returns when the packages are installed; otherwise fails (required) or aborts the test as
   * skipped (not required).
   *
   * @param crosscheck the repository's {@code crosscheck} folder
   * @param ciVariable the {@code CI} environment variable, or null
   * @param crosscheckProperty the {@code gvgap.crosscheck} system property, or null
   * @throws AssertionError when the packages are missing and the check is required
   */
  static void check(Path crosscheck, String ciVariable, String crosscheckProperty) {
    if (Files.isDirectory(crosscheck.resolve("node_modules/@huggingface/transformers"))) {
      return;
    }
    String install = "the transformers.js cross-check needs " + crosscheck.resolve("node_modules")
        + " (@huggingface/transformers): run `cd " + crosscheck + " && npm ci --ignore-scripts`";
    boolean required =
        "true".equalsIgnoreCase(ciVariable) || "true".equalsIgnoreCase(crosscheckProperty);
    if (required) {
      throw new AssertionError(install + " (required because "
          + ("true".equalsIgnoreCase(ciVariable) ? "CI=true" : "-Dgvgap.crosscheck=true") + ")");
    }
    // said on the console, not only in the report: a skipped check must never pass for a compared
    // one
    System.err.println("WARNING: test skipped: " + install
        + " (under CI=true or -Dgvgap.crosscheck=true this fails instead)");
    Assumptions.assumeTrue(false, install);
  }
}
