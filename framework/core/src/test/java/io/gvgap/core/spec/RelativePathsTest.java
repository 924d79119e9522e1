package io.gvgap.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relative paths in a spec's options are relative to the spec file's folder; validate checks they exist. */
class RelativePathsTest {

  @TempDir
  Path temp;

  private static final String SPEC = ""
      + "models: [{backend: echo, options: {path: m}}]\n"
      + "tasks:\n"
      + "  - name: line-task\n"
      + "    options: {data: ../data/q.txt}\n"
      + "verifiers: [{name: constant}]\n"
      + "filters: [{name: threshold}]\n";

  private Path specIn(String folder) throws Exception {
    Path dir = Files.createDirectories(temp.resolve(folder));
    Files.createDirectories(dir.resolve("m"));
    return Files.writeString(dir.resolve("run.yaml"), SPEC);
  }

  private static Object option(Record options, String name) throws Exception {
    for (RecordComponent component : options.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        component.getAccessor().setAccessible(true);
        return component.getAccessor().invoke(options);
      }
    }
    throw new AssertionError("no option " + name);
  }

  @Test
  void aRelativeDataPathIsResolvedAgainstTheSpecFilesFolderNotTheWorkingDirectory()
      throws Exception {
    Path file = specIn("specs");
    ResolvedRunSpec spec =
        RunSpecResolver.resolve(RunSpecLoader.load(file), SpecTestSupport.REGISTRY, file);
    assertThat(option(spec.tasks().get(0).options(), "data"))
        .isEqualTo(temp.resolve("data/q.txt").toAbsolutePath().normalize());
    // The run directory stays relative to the working directory.
    assertThat(spec.output()).isEqualTo(Path.of("runs", "run"));
  }

  @Test
  void validateNamesTheFieldAndLineOfAFileThatDoesNotExistAndAcceptsItOnceItDoes()
      throws Exception {
    Path file = specIn("specs");
    assertThatThrownBy(() -> RunSpecResolver.resolveAndCheckFiles(
            RunSpecLoader.load(file), SpecTestSupport.REGISTRY, file))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ":4:")
        .hasMessageContaining("tasks[0].options.data: no such file or directory: "
            + temp.resolve("data/q.txt").toAbsolutePath().normalize())
        .hasMessageContaining("resolved against the spec file's folder");

    Files.createDirectories(temp.resolve("data"));
    Files.writeString(temp.resolve("data/q.txt"), "1+1|2\n");
    assertThat(RunSpecResolver.resolveAndCheckFiles(
                RunSpecLoader.load(file), SpecTestSupport.REGISTRY, file)
            .tasks())
        .hasSize(1);
  }
}
