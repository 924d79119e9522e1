package io.gvgap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gvgap.core.launch.RunObserverFactory;
import io.gvgap.core.registry.PluginLoadException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run observers are found as services: the sample index by default, loud errors for bad registrations. */
class RunObserversTest {

  @TempDir
  Path tmp;

  /** A class loader over this test's classes plus a services file listing {@code lines}. */
  private ClassLoader withServices(String... lines) throws Exception {
    Path services = tmp.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve(RunObserverFactory.class.getName()), String.join("\n", lines) + "\n");
    return new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void theSampleIndexIsFoundAsAServiceWithItsArtefacts() {
    RunObservers observers = RunObservers.discover(getClass().getClassLoader());
    assertThat(observers.factories()).extracting(RunObserverFactory::name).containsExactly("index");
    assertThat(observers.artefacts()).containsExactly("index", "diversity.json", "duplicates.json");
    // a new observer for every run: an observer holds one run's open index
    assertThat(observers.create().get(0)).isNotSameAs(observers.create().get(0));
  }

  @Test
  void aFactoryFromAPluginJarIsFoundBesideTheIndex() throws Exception {
    RunObservers observers =
        RunObservers.discover(withServices(TwinObserverFactory.class.getName()));
    assertThat(observers.factories())
        .extracting(RunObserverFactory::name)
        .containsExactlyInAnyOrder("index", "twin");
  }

  @Test
  void twoFactoriesOfOneNameFailNamingBothClasses() throws Exception {
    ClassLoader loader =
        withServices(TwinObserverFactory.class.getName(), OtherTwinObserverFactory.class.getName());
    assertThatThrownBy(() -> RunObservers.discover(loader))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("two run observer factories are named 'twin'")
        .hasMessageContaining(TwinObserverFactory.class.getName())
        .hasMessageContaining(OtherTwinObserverFactory.class.getName());
  }

  @Test
  void anUnloadableFactorySaysWhatToCheck() throws Exception {
    ClassLoader loader = withServices("io.gvgap.launcher.NoSuchFactory");
    assertThatThrownBy(() -> RunObservers.discover(loader))
        .isInstanceOf(PluginLoadException.class)
        .hasMessageContaining("cannot load a run observer factory")
        .hasMessageContaining("io.gvgap.launcher.NoSuchFactory")
        .hasMessageContaining("META-INF/services/io.gvgap.core.launch.RunObserverFactory");
  }
}
