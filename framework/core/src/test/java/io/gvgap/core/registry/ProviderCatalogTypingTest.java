package io.gvgap.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.NoOptions;
import io.gvgap.api.Provider;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.model.LanguageModel;
import io.gvgap.api.task.Task;
import io.gvgap.api.verify.Verifier;
import io.gvgap.core.testplugins.LineTaskProvider;
import io.gvgap.core.testplugins.isolated.RawFilterProvider;
import java.io.File;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** Each catalog creates its own component type: at compile time, and at run time for raw plugins. */
class ProviderCatalogTypingTest {

  @TempDir
  Path temp;

  @Test
  void eachCatalogIsTypedByTheComponentItsProvidersCreate() {
    PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());

    assertThat(registry.tasks().componentType()).isEqualTo(Task.class);
    assertThat(registry.verifiers().componentType()).isEqualTo(Verifier.class);
    assertThat(registry.filters().componentType()).isEqualTo(FilterStrategy.class);
    assertThat(registry.backends().componentType()).isEqualTo(LanguageModel.class);
    for (ExtensionPoint kind : ExtensionPoint.values()) {
      assertThat(registry.catalog(kind).componentType()).isEqualTo(kind.componentType());
    }
  }

  @Test
  void assigningOneCatalogsComponentToAnotherTypeDoesNotCompile() throws Exception {
    String wrong = "import io.gvgap.api.task.Task;\n"
        + "class Wrong {\n"
        + "  Task task(io.gvgap.core.registry.PluginRegistry registry, Record options) {\n"
        + "    return registry.filters().create(\"quantile\", options);\n"
        + "  }\n"
        + "}\n";
    String right = wrong
        .replace("import io.gvgap.api.task.Task;", "import io.gvgap.api.filter.FilterStrategy;")
        .replace("Task task(", "FilterStrategy task(");

    assertThat(compile("Wrong", wrong))
        .contains("incompatible types")
        .contains(
            "io.gvgap.api.filter.FilterStrategy cannot be converted to io.gvgap.api.task.Task");
    assertThat(compile("Wrong", right))
        .as("the same code typed as FilterStrategy")
        .isEmpty();
  }

  @Test
  void aProviderCompiledAgainstTheRawInterfaceThatCreatesTheWrongComponentFailsClearly()
      throws Exception {
    Path jar = new TestJars()
        .withClass(RawFilterProvider.class)
        .withText(TestJars.FILTER_SERVICE, RawFilterProvider.class.getName() + "\n")
        .writeTo(temp.resolve("raw.jar"));
    PluginRegistry registry = PluginRegistry.load(List.of(jar), TestJars.hidingIsolatedPlugins());

    assertThatThrownBy(() -> registry.filters().create("raw-filter", new NoOptions()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageStartingWith("The filter provider 'raw-filter' ("
            + RawFilterProvider.class.getName() + " from " + jar + ") created a ")
        .hasMessageContaining(
            ", which is not a io.gvgap.api.filter.FilterStrategy. A filter provider implements"
                + " io.gvgap.api.filter.FilterProvider<Options> and creates a FilterStrategy;");
  }

  @Test
  void aProviderListedInAnotherExtensionPointsServiceFileNamesTheRightFile() throws Exception {
    Path jar = new TestJars()
        .withText(
            TestJars.FILTER_SERVICE,
            "# copied from the task file\n" + LineTaskProvider.class.getName() + "\n")
        .writeTo(temp.resolve("misfiled.jar"));

    assertThatThrownBy(() -> PluginRegistry.load(List.of(jar), TestJars.hidingIsolatedPlugins()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage("The class " + LineTaskProvider.class.getName() + " is listed in "
            + TestJars.FILTER_SERVICE
            + " (jar:" + jar.toUri().toURL() + "!/" + TestJars.FILTER_SERVICE
            + ") but is not a filter provider: it does not"
            + " implement io.gvgap.api.filter.FilterProvider. It is a task provider (io.gvgap.api.task.TaskProvider):"
            + " list it in META-INF/services/io.gvgap.api.task.TaskProvider instead.");
  }

  /** Compiles one source file against gvgap-api and gvgap-core; returns the error messages. */
  private String compile(String className, String source) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = Stream.of(
            Provider.class, PluginRegistry.class, ObjectMapper.class, Logger.class)
        .map(ProviderCatalogTypingTest::location)
        .collect(Collectors.joining(File.pathSeparator));
    JavaFileObject file =
        new SimpleJavaFileObject(
            URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null)) {
      List<String> options = List.of("-classpath", classPath, "-d", temp.toString(), "-proc:none");
      compiler
          .getTask(new StringWriter(), files, diagnostics, options, null, List.of(file))
          .call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
