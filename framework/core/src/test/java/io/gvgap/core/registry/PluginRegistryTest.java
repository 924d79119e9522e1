package io.gvgap.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.NoOptions;
import io.gvgap.api.filter.FilterContext;
import io.gvgap.api.filter.FilterStrategy;
import io.gvgap.api.task.Task;
import io.gvgap.core.testplugins.LineTaskProvider;
import io.gvgap.core.testplugins.ThresholdFilterProvider;
import io.gvgap.core.testplugins.isolated.BadNameFilterProvider;
import io.gvgap.core.testplugins.isolated.PluginFilterProvider;
import io.gvgap.core.testplugins.isolated.PluginFilterTwinProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {
  private static final FilterContext CONTEXT = new FilterContext("e1", List.of(), 0);

  @TempDir
  Path temp;

  private static PluginRegistry testClasspath() {
    return PluginRegistry.load(PluginRegistryTest.class.getClassLoader());
  }

  @Test
  void findsTheTestProvidersOfEveryExtensionPointByName() {
    PluginRegistry registry = testClasspath();

    assertThat(registry.tasks().availableNames()).containsExactly("line-task");
    assertThat(registry.verifiers().availableNames()).containsExactly("constant");
    assertThat(registry.filters().availableNames()).containsExactly("quantile", "threshold");
    assertThat(registry.backends().availableNames()).containsExactly("echo");
    assertThat(registry.filters().forName("threshold")).isInstanceOf(ThresholdFilterProvider.class);
    assertThat(registry.tasks().optionsType("line-task")).isEqualTo(LineTaskProvider.Options.class);
  }

  @Test
  void createsAComponentFromBoundOptions() {
    FilterStrategy filter =
        testClasspath().filters().create("threshold", new ThresholdFilterProvider.Options(0.5));

    // tau = 0.5: 0.2 is below, 0.5 ties (kept), 0.9 is above.
    assertThat(filter.weights(new double[] {0.2, 0.5, 0.9}, CONTEXT)).containsExactly(0, 1, 1);
    Task task = testClasspath()
        .tasks()
        .create("line-task", new LineTaskProvider.Options(Path.of("x"), 4, List.of()));
    assertThat(task.utility(
            new io.gvgap.api.task.Example("a", "q", "7", java.util.Map.of()),
            io.gvgap.api.task.Answer.of("7")))
        .isEqualTo(1.0);
  }

  @Test
  void refusesOptionsOfAnotherProvidersType() {
    assertThatThrownBy(() -> testClasspath().filters().create("threshold", new NoOptions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The filter 'threshold' takes options of type "
            + ThresholdFilterProvider.Options.class.getName()
            + ", but was given io.gvgap.api.NoOptions; bind the spec's options with"
            + " OptionsBinder.bind(optionsType(name), map) first.");
  }

  @Test
  void unknownNameListsTheNamesAndSuggestsTheNearest() {
    assertThatThrownBy(() -> testClasspath().filters().forName("treshold"))
        .isInstanceOf(UnknownProviderException.class)
        .hasMessage(
            "Unknown filter 'treshold' (io.gvgap.api.filter.FilterProvider); did you mean 'threshold'?"
                + " Available filters: quantile, threshold. If it is a plugin, add the jar that provides it to the"
                + " classpath or --plugin-path.");
  }

  @Test
  void unknownNameFarFromEveryNameGetsNoSuggestion() {
    UnknownProviderException e =
        (UnknownProviderException) org.assertj.core.api.Assertions.catchThrowable(
            () -> testClasspath().tasks().forName("gsm8k"));

    assertThat(e.getMessage())
        .isEqualTo(
            "Unknown task 'gsm8k' (io.gvgap.api.task.TaskProvider). Available tasks:"
                + " line-task. If it is a plugin, add the jar that provides it to the classpath or --plugin-path.");
    assertThat(e.suggestion()).isEmpty();
    assertThat(e.availableNames()).containsExactly("line-task");
    assertThat(e.kind()).isEqualTo(ExtensionPoint.TASK);
  }

  @Test
  void noProvidersAtAllSuggestsAddingAnImplementationJar() throws Exception {
    try (URLClassLoader empty =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      PluginRegistry registry = PluginRegistry.load(empty);

      assertThat(registry.all()).isEmpty();
      assertThatThrownBy(() -> registry.backends().forName("onnx"))
          .hasMessage(
              "Unknown backend 'onnx': no backend providers (io.gvgap.api.model.ModelBackend) were found;"
                  + " consider adding an implementation jar to the classpath or --plugin-path.");
    }
  }

  @Test
  void listsEveryDiscoveredProviderWithClassLocationAndVersion() throws Exception {
    PluginRegistry registry = testClasspath();
    Path testClasses = Path.of(ThresholdFilterProvider.class
        .getProtectionDomain()
        .getCodeSource()
        .getLocation()
        .toURI());

    assertThat(registry.all())
        .extracting(DiscoveredProvider::kind, DiscoveredProvider::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ExtensionPoint.TASK, "line-task"),
            org.assertj.core.groups.Tuple.tuple(ExtensionPoint.VERIFIER, "constant"),
            org.assertj.core.groups.Tuple.tuple(ExtensionPoint.FILTER, "quantile"),
            org.assertj.core.groups.Tuple.tuple(ExtensionPoint.FILTER, "threshold"),
            org.assertj.core.groups.Tuple.tuple(ExtensionPoint.BACKEND, "echo"));
    DiscoveredProvider threshold = registry.all().get(3);
    assertThat(threshold.className()).isEqualTo(ThresholdFilterProvider.class.getName());
    assertThat(threshold.location()).isEqualTo(testClasses.toString());
    assertThat(threshold.version()).isEqualTo("unknown");

    JsonNode json = new ObjectMapper().readTree(registry.toJson());
    assertThat(json).hasSize(5);
    assertThat(json.get(3).get("kind").asText()).isEqualTo("filter");
    assertThat(json.get(3).get("name").asText()).isEqualTo("threshold");
    assertThat(json.get(3).get("class").asText())
        .isEqualTo(ThresholdFilterProvider.class.getName());
    assertThat(json.get(3).get("location").asText()).isEqualTo(testClasses.toString());
    assertThat(json.get(3).get("version").asText()).isEqualTo("unknown");
  }

  @Test
  void loadsAProviderFromAPluginJarAndReadsItsManifestVersion() throws Exception {
    Path jar = new TestJars()
        .withClass(PluginFilterProvider.class)
        .withText(TestJars.FILTER_SERVICE, PluginFilterProvider.class.getName() + "\n")
        .withImplementationVersion("1.2.3")
        .writeTo(temp.resolve("plugin-filter.jar"));

    PluginRegistry registry = PluginRegistry.load(List.of(jar), TestJars.hidingIsolatedPlugins());

    assertThat(registry.filters().availableNames())
        .containsExactly("plugin-filter", "quantile", "threshold");
    DiscoveredProvider found = registry.filters().discovered().get(0);
    assertThat(found.location()).isEqualTo(jar.toString());
    assertThat(found.version()).isEqualTo("1.2.3");
    // Loaded from the jar, not from test-classes: a different class than the test's own.
    assertThat(registry.filters().forName("plugin-filter").getClass())
        .isNotSameAs(PluginFilterProvider.class);
    FilterStrategy keepAll = registry.filters().create("plugin-filter", new NoOptions());
    assertThat(keepAll.weights(new double[] {0.1, 0.7}, CONTEXT)).containsExactly(1, 1);
  }

  @Test
  void readsTheVersionFromMavenPomPropertiesWhenTheManifestHasNone() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("plugins"));
    new TestJars()
        .withClass(PluginFilterTwinProvider.class)
        .withText(TestJars.FILTER_SERVICE, PluginFilterTwinProvider.class.getName() + "\n")
        .withText(
            "META-INF/maven/com.example/twin/pom.properties",
            "groupId=com.example\nartifactId=twin\nversion=4.5.6\n")
        .writeTo(directory.resolve("twin.jar"));

    PluginRegistry registry =
        PluginRegistry.load(List.of(directory), TestJars.hidingIsolatedPlugins());

    assertThat(registry.filters().discovered().get(0).version()).isEqualTo("4.5.6");
    assertThat(registry.filters().discovered().get(0).location())
        .isEqualTo(directory.resolve("twin.jar").toString());
  }

  @Test
  void twoProvidersWithOneNameFailNamingBothClassesAndJars() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("plugins"));
    Path first = new TestJars()
        .withClass(PluginFilterProvider.class)
        .withText(TestJars.FILTER_SERVICE, PluginFilterProvider.class.getName() + "\n")
        .writeTo(directory.resolve("a.jar"));
    Path second = new TestJars()
        .withClass(PluginFilterTwinProvider.class)
        .withText(TestJars.FILTER_SERVICE, PluginFilterTwinProvider.class.getName() + "\n")
        .writeTo(directory.resolve("b.jar"));

    // A directory's jars are added in name order, so a.jar is discovered first.
    assertThatThrownBy(
            () -> PluginRegistry.load(List.of(directory), TestJars.hidingIsolatedPlugins()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage(
            "Two filter providers are named 'plugin-filter': "
                + PluginFilterProvider.class.getName()
                + " (from " + first + ") and " + PluginFilterTwinProvider.class.getName()
                + " (from " + second + ")."
                + " Remove one of the jars from the classpath or --plugin-path, or rename one provider.");
  }

  @Test
  void anInvalidProviderNameFails() throws Exception {
    Path jar = new TestJars()
        .withClass(BadNameFilterProvider.class)
        .withText(TestJars.FILTER_SERVICE, BadNameFilterProvider.class.getName() + "\n")
        .writeTo(temp.resolve("bad.jar"));

    assertThatThrownBy(() -> PluginRegistry.load(List.of(jar), TestJars.hidingIsolatedPlugins()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessage("The filter provider " + BadNameFilterProvider.class.getName() + " (from " + jar
            + ") has the"
            + " invalid name 'Bad_Name'; a name is lowercase letters and digits, in words joined by single hyphens"
            + " (like 'cot-score').");
  }

  @Test
  void aServiceFileNamingAMissingClassFailsWithAdvice() throws Exception {
    Path jar = new TestJars()
        .withText(TestJars.FILTER_SERVICE, "com.example.Missing\n")
        .writeTo(temp.resolve("broken.jar"));

    assertThatThrownBy(() -> PluginRegistry.load(List.of(jar), TestJars.hidingIsolatedPlugins()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageStartingWith(
            "Cannot load a filter provider listed in META-INF/services/io.gvgap.api.filter.FilterProvider:")
        .hasMessageContaining("com.example.Missing")
        .hasMessageEndingWith(
            "Check the class name in that file and that the class is public with a public"
                + " no-argument constructor.");
  }

  @Test
  void aMissingPluginPathIsAClearError() {
    Path missing = temp.resolve("nowhere.jar");

    assertThatThrownBy(() -> PluginRegistry.load(List.of(missing), getClass().getClassLoader()))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageStartingWith("Plugin path " + missing
            + " does not exist; pass an existing jar or a directory of jars");
  }

  @Test
  void aPluginPathThatIsNotAJarIsRejected() throws Exception {
    Path text = Files.writeString(temp.resolve("notes.txt"), "x");

    assertThatThrownBy(() -> PluginRegistry.load(List.of(text), getClass().getClassLoader()))
        .hasMessage(
            "Plugin path " + text + " is not a .jar file; pass a jar or a directory of jars.");
  }

  @Test
  void aCorruptJarIsSkippedWithItsReasonAndTheOtherJarsStillLoad() throws Exception {
    Path directory = Files.createDirectory(temp.resolve("plugins"));
    new TestJars()
        .withClass(PluginFilterProvider.class)
        .withText(TestJars.FILTER_SERVICE, PluginFilterProvider.class.getName() + "\n")
        .writeTo(directory.resolve("good.jar"));
    Path corrupt = Files.writeString(directory.resolve("corrupt.jar"), "not a zip file");
    byte[] whole = Files.readAllBytes(directory.resolve("good.jar"));
    Path truncated = Files.write(
        temp.resolve("truncated.jar"), java.util.Arrays.copyOf(whole, whole.length / 2));

    assertThat(PluginRegistry.unreadableJar(corrupt))
        .hasValueSatisfying(reason ->
            assertThat(reason).startsWith("it cannot be opened as a jar (").contains("zip"));
    assertThat(PluginRegistry.unreadableJar(truncated)).isPresent();
    assertThat(PluginRegistry.unreadableJar(directory.resolve("good.jar"))).isEmpty();
    PluginRegistry registry =
        PluginRegistry.load(List.of(directory, truncated), TestJars.hidingIsolatedPlugins());
    assertThat(registry.filters().availableNames()).contains("plugin-filter");
  }
}
