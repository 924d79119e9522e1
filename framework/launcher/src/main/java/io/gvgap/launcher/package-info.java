/**
 * The launcher: the only code that assembles a gvgap run, as the JUnit Platform's launcher is the
 * only code that assembles a test run over its engines.
 *
 * <p>{@link io.gvgap.launcher.Launcher} has one method per kind of work: {@code evaluate} (a run, or
 * one shard of it), {@code merge} (shards into one run), {@code report}, {@code improve}
 * (self-improvement rounds) and {@code scale} (a scaling study), each from a resolved spec or from
 * run directories. The {@code gvgap} commands and the Maven goals only map their arguments onto
 * these methods and print what comes back, so every entry point does the same work and writes the
 * same files. Inside, {@link io.gvgap.launcher.RunAssembler} is the one class that builds the core's
 * {@code RunPipeline} and {@code RunMerger}, with:
 * <ul>
 *   <li>the run observers of {@link io.gvgap.launcher.RunObservers}: every
 *       {@code io.gvgap.core.launch.RunObserverFactory} service in the plugins' class loader (the
 *       Lucene sample index of {@code gvgap-index}, which writes {@code index/},
 *       {@code diversity.json} and {@code duplicates.json}), new observers for every run;</li>
 *   <li>{@link io.gvgap.launcher.GvgapVersion}, the one place that knows gvgap's version (written by
 *       the build into this module's resources), recorded in every {@code run.json}.</li>
 * </ul>
 *
 * <p><b>Why the studies stay where they are.</b> The self-improvement and scaling studies
 * ({@code gvgap-studies}) need runs as steps of their own, and the launcher needs the studies, so
 * the studies must not depend on the launcher. They depend instead on
 * {@code io.gvgap.core.launch.RunExecutor}, an interface in the core that the launcher implements
 * and hands to {@code ImprovementStudy}; the scaling study is a pair of functions (FLOPs before,
 * fits after) around a run the launcher makes. The merge ({@code RunMerger}) and the report of a
 * partial run ({@code RunReports}) receive the same executor for their metrics. So the dependency
 * runs one way, {@code core ← studies, reports ← launcher ← cli, maven-plugin}, and no code below the
 * launcher builds a pipeline.
 */
package io.gvgap.launcher;
