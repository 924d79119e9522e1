/**
 * The gvgap Maven plugin (goal prefix {@code gvgap}): run gvgap from a build.
 *
 * <ul>
 *   <li>{@code gvgap:evaluate} runs a run spec (a file, or inline YAML in the plugin configuration)
 *       into {@code target/gvgap/<run name>}, logs the gap of every strategy, and can fail the build
 *       when a gap or the accuracy falls below a threshold.</li>
 *   <li>{@code gvgap:plugins} lists every task, verifier, filter and model backend the plugin sees,
 *       with the jar each came from.</li>
 * </ul>
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
