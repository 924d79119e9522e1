/**
 * HTML gap reports: one self-contained {@code report.html} per run (or several runs side by side)
 * that opens from disk without any network request.
 *
 * <pre>{@code
 * ReportWriter.write(List.of(Path.of("runs/gsm8k-tiny")), Path.of("runs/gsm8k-tiny/report.html"));
 *
 * // a run without metrics.json (still going, or crashed): metrics computed over its complete
 * // examples from the weights it stored (weights.jsonl); no plugin needed
 * RunData run = RunReports.read(dir);
 * ReportWriter.writeRuns(List.of(run), dir.resolve("report.html"));
 * }</pre>
 *
 * <p>How it is built: {@link io.gvgap.reports.RunDirectoryReader} reads the run directory through
 * gvgap-core's run-directory model ({@code RunDirectory}, {@code RunRecords}), tolerating a partial
 * run, whose reasons the page shows under PARTIAL; {@link io.gvgap.reports.RunGroups} arranges
 * it by model x task; FreeMarker renders {@code report.ftlh} (summary, the sortable verifier x filter
 * table, definitions); each {@link io.gvgap.reports.ReportSection} contributes JSON that
 * {@code report.js} draws with ECharts (inlined from its webjar) or, for the drill-down, renders as
 * rows a page at a time.
 *
 * <p>Safety: model and verifier text is untrusted. It reaches the page only as JSON inside
 * {@code <script type="application/json">} with {@code <}, {@code >}, {@code &}, U+2028 and U+2029
 * escaped ({@link io.gvgap.reports.HtmlSafeJson}), and the script inserts it with {@code textContent}
 * only; chart tooltips are drawn as canvas text. A Content-Security-Policy meta tag allows the two
 * inlined scripts and the inlined style sheet by SHA-256 and nothing else ({@code default-src 'none'}).
 *
 * <p>Adding a section (improvement rounds, scaling studies): see {@link io.gvgap.reports.ReportSection}.
 */
package io.gvgap.reports;
