/**
 * Conformance kit: abstract JUnit 5 test classes that a plugin author extends to check a plugin
 * against the gvgap contracts.
 *
 * <p>Add {@code io.gvgap:gvgap-testkit} in test scope, then for a task plugin:
 * <pre>{@code
 * class MyTaskConformanceTest extends io.gvgap.testkit.TaskConformanceTest {
 *   protected TaskProvider<?> provider() { return new MyTaskProvider(); }
 *   protected Record options() { return new MyTaskOptions(Path.of("src/test/resources/data.jsonl")); }
 * }
 * }</pre>
 * Every inherited check then runs with the author's other tests.
 */
package io.gvgap.testkit;
