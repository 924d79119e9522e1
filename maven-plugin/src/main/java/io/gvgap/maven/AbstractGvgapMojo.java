package io.gvgap.maven;

import io.gvgap.api.task.TaskDataException;
import io.gvgap.core.options.OptionsException;
import io.gvgap.core.registry.PluginLoadException;
import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.registry.UnknownProviderException;
import io.gvgap.core.spec.SpecException;
import io.gvgap.core.store.RunStoreException;
import io.gvgap.launcher.Launcher;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every gvgap goal shares: the {@code skip} flag, plugin discovery in the plugin's own class
 * realm, and the command line's error messages as build failures.
 */
public abstract class AbstractGvgapMojo extends AbstractMojo {

  /** Skips the goal. */
  @Parameter(property = "gvgap.skip", defaultValue = "false")
  boolean skip;

  /** Runs the goal unless {@code skip} is set. */
  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("gvgap: skipped (skip / gvgap.skip is true)");
      return;
    }
    try {
      run();
    } catch (SpecException
        | OptionsException
        | UnknownProviderException
        | PluginLoadException
        | RunStoreException e) {
      // The user's input is wrong (spec, plugins, run directory): a failure, with the CLI's
      // message.
      throw new MojoFailureException(e.getMessage(), e);
    } catch (TaskDataException e) {
      throw new MojoFailureException("bad task data: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException(
          "gvgap failed: " + e.getMessage() + " (run Maven with -e for the stack trace)", e);
    }
  }

  /** The goal's work; gvgap's exceptions become build failures with their messages. */
  abstract void run() throws MojoExecutionException, MojoFailureException;

  /**
   * Discovers the providers visible to this plugin's class realm: the built-in plugins and every jar
   * listed in the plugin's {@code <dependencies>}.
   */
  PluginRegistry registry() {
    return PluginRegistry.load(getClass().getClassLoader());
  }

  /** The launcher every goal that runs something goes through, reporting progress to the build log. */
  Launcher launcher(PluginRegistry registry) {
    return Launcher.create(registry, MavenLogProgress.of(getLog()));
  }
}
