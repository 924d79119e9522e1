/**
 * The Lucene sample index of a run and what it is used for: exact and near-duplicate detection,
 * effective diversity and drill-down search.
 *
 * <h2>Index a run</h2>
 * <pre>{@code
 * try (SampleIndex index = SampleIndex.open(runDir.resolve("index"))) {
 *   index.add(round, samplesOfThisBatch);        // idempotent: keyed by model/task/example/sample/round
 *   index.addScores(round, scoreRecordsOfBatch); // verifier scores as they arrive
 *   index.commit();                              // per batch; after a crash, reopen and re-add
 * }
 * }</pre>
 *
 * <p>A run started through the launcher ({@code gvgap-launcher}: every command and Maven goal) is
 * indexed without asking: {@link io.gvgap.index.IndexingObserverFactory} registers
 * {@link io.gvgap.index.IndexingObserver} as a {@code RunObserverFactory} service, which keeps
 * {@code RUN_DIR/index} in step with the run and writes {@code diversity.json} and
 * {@code duplicates.json} when it finishes.
 *
 * <h2>Deduplicate</h2>
 * <pre>{@code
 * DuplicateDetector detector = DuplicateDetector.withDefaults(); // 3-word shingles, 64 buckets, Jaccard ≥ 0.8
 * List<DuplicateCluster<SampleRecord>> clusters = detector.clusters(onePromptsSamples);
 * List<PromptDiversity> diversity = Diversity.perPrompt(samples, detector);
 * DiversitySummary meansOverPrompts = Diversity.summary(model, task, samples, detector); // as in diversity.json
 * }</pre>
 *
 * <h2>Definitions, once</h2>
 * <ul>
 *   <li>Normalised text: {@link io.gvgap.index.TextNormalizer} (NFKC, lower case, every non letter
 *       or digit a separator, single spaces). Exact duplicate: equal SHA-256 of that text.</li>
 *   <li>Near-duplicate: Jaccard similarity of shingle sets at least the threshold
 *       ({@link io.gvgap.index.DedupConfig}); candidates from Lucene {@code MinHashFilter}
 *       signatures by minimum-should-match, every candidate confirmed exactly.</li>
 *   <li>Cluster representative: best utility, then lowest sample index
 *       ({@link io.gvgap.index.DuplicateDetector#BEST_UTILITY_THEN_LOWEST_SAMPLE}).</li>
 *   <li>Correct sample (diversity): utility ≥ 1 unless another level is given.</li>
 * </ul>
 */
package io.gvgap.index;
