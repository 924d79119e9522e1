/**
 * Conformance kits: abstract JUnit 5 test classes that a plugin author extends to check a plugin
 * against the gvgap contracts, one per extension point.
 *
 * <ul>
 *   <li>{@link io.gvgap.testkit.TaskConformanceTest}: examples deterministic for a seed, references
 *       score 1, utility in [0, 1] for any text, prompts that contain the question;</li>
 *   <li>{@link io.gvgap.testkit.VerifierConformanceTest}: one score in [0, 1] (or a parse failure)
 *       per sample, keyed by sample index, never null, deterministic for a seed;</li>
 *   <li>{@link io.gvgap.testkit.FilterConformanceTest}: one finite, non-negative weight per score,
 *       0 for an unscored sample, deterministic, independent of the samples' order;</li>
 *   <li>{@link io.gvgap.testkit.ModelBackendConformanceTest}: the determinism contract (the same
 *       samples for a seed across batching, sample ranges and thread counts) and scores that agree
 *       with generation's log-probabilities.</li>
 * </ul>
 *
 * Every kit also checks that the provider is registered in its {@code META-INF/services} file under
 * its name, and fails when it finds nothing to test.
 *
 * <p>Build the plugin on the parent POM gvgap publishes for plugin authors; it pins a Surefire that
 * runs JUnit 5 (Maven 3.8's default, 2.12.4, runs the kit as 0 tests and reports success) and fails
 * when no test runs, a compiler plugin for release 17, and the versions of {@code gvgap-api} and
 * this kit:
 * <pre>{@code
 * <parent>
 *   <groupId>io.gvgap</groupId><artifactId>gvgap-plugin-parent</artifactId><version>0.1.0-SNAPSHOT</version>
 *   <relativePath/>
 * </parent>
 * ...
 * <dependency><groupId>io.gvgap</groupId><artifactId>gvgap-testkit</artifactId></dependency> <!-- test scope -->
 * }</pre>
 * Then, for a task plugin:
 * <pre>{@code
 * class MyTaskConformanceTest extends io.gvgap.testkit.TaskConformanceTest {
 *   protected TaskProvider<?> provider() { return new MyTaskProvider(); }
 *   protected Record options() { return new MyTaskOptions(Path.of("src/test/resources/data.jsonl")); }
 * }
 * }</pre>
 * Every inherited check then runs with the author's other tests.
 */
package io.gvgap.testkit;
