package io.gvgap.onnx.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** When the transformers.js cross-check runs, skips, or fails. */
class CrossCheckRequirementTest {
  @TempDir
  Path crosscheck;

  @Test
  void installedPackagesLetTheCheckRunEvenInCi() throws Exception {
    Files.createDirectories(crosscheck.resolve("node_modules/@huggingface/transformers"));
    assertThatCode(() -> CrossCheckRequirement.check(crosscheck, "true", null))
        .doesNotThrowAnyException();
    assertThatCode(() -> CrossCheckRequirement.check(crosscheck, null, null))
        .doesNotThrowAnyException();
  }

  @Test
  void missingPackagesFailInCiNamingTheInstallCommand() {
    assertThatThrownBy(() -> CrossCheckRequirement.check(crosscheck, "true", null))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("npm ci --ignore-scripts")
        .hasMessageContaining("CI=true");
  }

  @Test
  void missingPackagesFailWhenAskedForExplicitly() {
    assertThatThrownBy(() -> CrossCheckRequirement.check(crosscheck, "false", "true"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("-Dgvgap.crosscheck=true");
  }

  @Test
  void missingPackagesSkipOnADeveloperMachine() {
    assertThatThrownBy(() -> CrossCheckRequirement.check(crosscheck, null, null))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("npm ci --ignore-scripts");
  }

  @Test
  void anEmptyNodeModulesFolderIsNotAnInstall() throws Exception {
    Files.createDirectories(crosscheck.resolve("node_modules"));
    assertThatThrownBy(() -> CrossCheckRequirement.check(crosscheck, "true", null))
        .isInstanceOf(AssertionError.class);
  }
}
