/**
 * The gvgap Maven plugin (goal prefix {@code gvgap}): run gvgap from a build.
 *
 * <ul>
 *   <li>{@code gvgap:evaluate} runs a run spec (a file, or inline YAML in the plugin configuration)
 *       into {@code target/gvgap/<run name>}, logs the gap of every strategy, writes the run's
 *       {@code report.html} there, and can fail the build when a gap or the accuracy falls below a
 *       threshold.</li>
 *   <li>{@code gvgap:report} re-renders the HTML report of one run directory, or of several side by
 *       side (by default every run under {@code target/gvgap}); a crashed or unfinished run gets a
 *       report of what exists, marked PARTIAL, as with {@code gvgap report}.</li>
 *   <li>{@code gvgap:plugins} lists every task, verifier, filter and model backend the plugin sees,
 *       with the jar each came from.</li>
 * </ul>
 *
 * <p>Every goal has {@code skip} ({@code -Dgvgap.skip}); {@code mvn gvgap:help -Ddetail} lists all
 * parameters. {@code gvgap:improve} runs self-improvement rounds from an improvement spec
 * ({@code -Dgvgap.improveSpec=FILE}), like {@code gvgap improve}.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader} in the Maven plugin's own class realm:
 * the built-in ones come with the plugin, and a build adds its own by listing their jars as
 * {@code <dependencies>} of the {@code gvgap-maven-plugin} element:
 * <pre>{@code
 * <plugin>
 *   <groupId>io.gvgap</groupId><artifactId>gvgap-maven-plugin</artifactId><version>...</version>
 *   <dependencies>
 *     <dependency><groupId>com.example</groupId><artifactId>my-task</artifactId><version>1.0</version></dependency>
 *   </dependencies>
 * </plugin>
 * }</pre>
 */
package io.gvgap.maven;
