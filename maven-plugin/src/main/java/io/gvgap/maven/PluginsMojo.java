package io.gvgap.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists every task, verifier, filter and model-backend provider this plugin finds: the built-in
 * ones and those of the jars in the plugin's {@code <dependencies>}, each with its class, version
 * and the jar it came from. Use it to check that a third-party plugin is picked up:
 * {@code mvn gvgap:plugins}.
 */
@Mojo(name = "plugins", requiresProject = false, threadSafe = true)
public class PluginsMojo extends AbstractGvgapMojo {

  @Override
  void run() {
    for (String line : ProviderTable.lines(registry().all())) {
      getLog().info(line);
    }
  }
}
