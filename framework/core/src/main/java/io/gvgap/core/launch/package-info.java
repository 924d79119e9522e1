/**
 * The contracts between the core and the launcher ({@code gvgap-launcher}), the only code that
 * assembles a run.
 *
 * <p>{@link io.gvgap.core.launch.RunObserverFactory} is a service: a module that wants to see every
 * run's records (the Lucene sample index of {@code gvgap-index}) registers a factory in
 * {@code META-INF/services/io.gvgap.core.launch.RunObserverFactory}, and the launcher attaches a new
 * observer to each run, evaluation, scaling, improvement round or merge alike:
 *
 * <pre>{@code
 * public final class DashboardObserverFactory implements RunObserverFactory {
 *   public String name() { return "dashboard"; }
 *   public RunObserver create() { return new DashboardObserver(); }
 *   public List<String> artefacts() { return List.of("dashboard.json"); }
 * }
 * }</pre>
 *
 * <p>{@link io.gvgap.core.launch.RunExecutor} is what code below the launcher receives when it needs
 * a run (a self-improvement study evaluates each round with it) or the metrics of a run directory
 * (the merge of shards, the report of a partial run), so that it never builds the pipeline itself.
 */
package io.gvgap.core.launch;
