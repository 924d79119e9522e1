package io.gvgap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that `gvgap validate` makes because the run would otherwise fail after generation. */
class SpecChecksTest {

  private static final Path MODEL =
      Path.of("..", "models", "arith-2xs").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  private Path spec(String generation, String verifiers) throws Exception {
    Path file = tmp.resolve("spec.yaml");
    Files.writeString(
        file, """
        name: checks
        models:
          - {label: tiny, backend: onnx, options: {path: "%s"}}
        tasks:
          - {name: arithmetic, limit: 2}
        generation: %s
        verifiers:
        %s
        filters:
          - name: best-of-n
        """.formatted(MODEL.toString().replace("\\", "/"), generation, verifiers));
    return file;
  }

  @Test
  void aMaxTokensBeyondTheModelsContextIsAnInvalidSpec() throws Exception {
    Path file = spec("{samples: 2, max_tokens: 1000000000}", "  - name: oracle");
    InProcessGvgap.Result r = InProcessGvgap.run("--quiet", "validate", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(file + ":6:")
        .contains("generation.max_tokens: 1000000000 tokens do not fit the context"
            + " of model 'tiny' (640 tokens, prompt and completion together); give at most 639");
    // a value inside the context is valid
    assertThat(InProcessGvgap.run(
                "--quiet",
                "validate",
                spec("{samples: 2, max_tokens: 96}", "  - name: oracle").toString())
            .code())
        .isZero();
  }

  @Test
  void anEnsembleMemberThatIsNotAnEarlierVerifierIsAnInvalidSpec() throws Exception {
    Path misspelt = spec("{samples: 2, max_tokens: 32}", """
          - name: oracle
          - name: majority
          - name: ensemble
            options: {members: [oracle, majorty]}""");
    InProcessGvgap.Result r = InProcessGvgap.run("--quiet", "validate", misspelt.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .contains(misspelt + ":11:")
        .contains(
            "verifiers[2].options.members[1]: 'majorty' is not a"
                + " verifier of this spec; did you mean 'majority'? verifiers listed before 'ensemble': oracle, majority");

    Path later = spec("{samples: 2, max_tokens: 32}", """
          - name: oracle
          - name: ensemble
            options: {members: [oracle, majority]}
          - name: majority""");
    InProcessGvgap.Result after = InProcessGvgap.run("--quiet", "validate", later.toString());
    assertThat(after.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(after.err())
        .contains("'majority' is not listed before the verifier 'ensemble'; move it above");
  }
}
