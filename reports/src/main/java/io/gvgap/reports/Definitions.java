package io.gvgap.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every number and chart the report shows, defined once; the formulas are those of
 * {@code io.gvgap.core.metrics}, which computes the numbers.
 */
public final class Definitions {

  private static final Map<String, Definition> ALL = new LinkedHashMap<>();

  static {
    add(
        "utility",
        "Utility u",
        "Ground-truth utility of a sample in [0, 1] given by the task (1 = correct final"
            + " answer). The model never sees it.");
    add(
        "correct",
        "Correct",
        "A sample is correct when its utility is at least 0.5 (for 0/1 utilities: when it is"
            + " 1). Used by pass@k, coverage, precision/recall/F1 of kept samples, AUROC, ROC and calibration.");
    add(
        "score",
        "Score û",
        "A verifier's proxy utility of a sample, in [0, 1]. Missing when the verifier's output"
            + " could not be parsed (a parse failure).");
    add(
        "jf",
        "J(f)",
        "Accuracy of the generator: mean over prompts of the mean utility of the prompt's samples,"
            + " over the prompts the strategy uses.");
    add(
        "jfw",
        "J(f[w])",
        "Accuracy of what the filter keeps: mean over prompts of the weight-averaged utility"
            + " Σ w·u / Σ w of the prompt's samples. A prompt whose filter kept nothing counts as its J_x(f) under the"
            + " fallback policy and is left out of both J(f) and J(f[w]) under the exclude policy.");
    add(
        "gap",
        "Gap",
        "Generation–verification gap: J(f[w]) − J(f). Positive when the verifier and filter keep"
            + " better than average samples.");
    add(
        "rel-per-prompt",
        "Rel. gap (per prompt)",
        "Mean over prompts with headroom of (J_x(f[w]) − J_x(f)) /"
            + " (1 − J_x(f)); prompts with J_x(f) = 1 (saturated) are left out and counted.");
    add(
        "rel-pooled",
        "Rel. gap (pooled)",
        "Gap / (1 − J(f)): the gain as a share of the whole headroom.");
    add(
        "ci",
        "Confidence interval",
        "Bootstrap percentile interval: prompts resampled with replacement, the"
            + " statistic recomputed on each resample; the interval holds the central share (e.g. 95%) of the values.");
    add(
        "asked",
        "Asked fraction",
        "What the filter was asked to keep, over all samples of the group: quantile's ceil(alpha x n) and"
            + " top-k's min(k, n) of each prompt's n scored samples, best-of-n's 1; recorded beside the weights"
            + " when the run filtered. Empty for a filter that keeps by score (threshold, softmax). Compare it"
            + " with the kept fraction: they differ where samples could not be scored, or with ties: keep.");
    add("kept", "Kept fraction", "Samples with weight > 0 divided by all samples of the group.");
    add(
        "precision",
        "Precision",
        "Of the kept samples, the fraction that are correct (pooled over all samples);"
            + " undefined when nothing is kept.");
    add(
        "recall",
        "Recall",
        "Of the correct samples, the fraction that are kept; undefined when none is correct.");
    add("f1", "F1", "2TP / (2TP + FP + FN) of kept against correct.");
    add(
        "auroc",
        "AUROC",
        "Area under the ROC curve of the verifier's scores against correctness over the scored"
            + " samples: the probability that a random correct sample scores higher than a random wrong one, ties"
            + " counting ½. 0.5 = no better than chance.");
    add(
        "rounds",
        "Self-improvement rounds",
        "Each task's examples are split once, seeded, into a train split and an evaluation split. Round t"
            + " evaluates model t (round 0: the base model) on both; the train split's samples that the chosen"
            + " verifier and filter keep (the oracle control arm: the train split's correct samples), duplicates"
            + " removed, are distilled into model t+1, so no evaluation prompt is ever trained on. Shown per arm,"
            + " split and round:"
            + " J(f), pass@1 and pass@N (unbiased), the mean number of distinct correct solutions per prompt (clusters"
            + " of near-duplicate correct samples, the same definition as the Effective diversity section), and the"
            + " distilled strategy's gap and pooled relative gap, each with its bootstrap interval; and the paired"
            + " differences on the evaluation split (per prompt, later round minus earlier round; the mean with a"
            + " percentile bootstrap interval over prompts).");
    add(
        "scaling",
        "Gap versus FLOPs",
        "Every verifier x filter fit, none picked: each model's relative gap (pooled, and per prompt), its"
            + " gap as a share of the oracle's gap at the same filter (how much of the achievable gap the verifier"
            + " realises; absent without an oracle in the spec) and its gap, against log10 of its pre-training"
            + " FLOPs (6 x parameters x tokens). Each fit shows the least-squares slope with the t-interval of the"
            + " regression (n - 2 degrees of freedom) and R²; the slope's percentile interval over prompt"
            + " resamples drawn jointly for all models (the same prompt ids for every model, each model's measure"
            + " recomputed, the line refitted); the share of resamples in which the points rise (fall) strictly in"
            + " FLOPs; and a weighted least-squares slope, each point weighted by 1/se² from its own bootstrap"
            + " interval (a point with a zero-width interval is left out and named; at least three points), with"
            + " chi² per degree of freedom (well above 1: the points scatter more than their intervals allow, and"
            + " the interval is widened by sqrt(chi²/df)). The bootstrap interval reflects only the sampling of"
            + " prompts, for these models: it does not cover how far the points sit off a line. A model whose point is undefined (saturated: J(f) = 1, relative gap 0/0) is"
            + " listed as excluded with why. The multiplicity note says how many intervals were made and how many"
            + " would exclude 0 by chance alone.");
    add(
        "extraction",
        "Extraction failures",
        "Fraction of samples from which the task could not extract a final"
            + " answer (reported apart from wrong answers).");
    add(
        "parse",
        "Parse failures",
        "Fraction of samples for which the verifier's output gave no score.");
    add(
        "empty-kept",
        "Empty-kept prompts",
        "Prompts for which the filter kept no sample (all weights 0); see"
            + " J(f[w]) for how they count.");
    add(
        "saturated",
        "Saturated prompts",
        "Used prompts with J_x(f) = 1 (every sample fully correct), left out of"
            + " the per-prompt relative gap.");
    add(
        "oracle-minus-selected",
        "Oracle − selected",
        "Coverage (pass@N) over the used prompts minus J(f[w]): how"
            + " far the selection is from an oracle that always picks a correct sample when one exists.");
    add("coverage", "Coverage", "pass@N: fraction of prompts with at least one correct sample.");
    add(
        "pass-at-k",
        "pass@k",
        "Unbiased pass@k: mean over prompts of 1 − C(n−c, k) / C(n, k), the probability"
            + " that at least one of k samples drawn without replacement from the prompt's n samples (c correct) is"
            + " correct. The curve is computed from the samples; points with intervals come from the run's metrics.");
    add(
        "diversity",
        "Effective diversity",
        "Per prompt, the number of distinct solutions (clusters of"
            + " near-duplicate samples: MinHash candidates confirmed by word-shingle Jaccard similarity, Lucene sample"
            + " index), of distinct correct solutions, of distinct final answers and of distinct correct final answers;"
            + " the bars are means over prompts. Read from the run's diversity.json.");
    add(
        "grid",
        "Cross-verification grid",
        "Every model of the spec judges every model's samples (gvgap grid): one run per judge, in which all"
            + " models generate the same samples (seeds do not depend on the judge) and the judge's verifiers"
            + " score them. Each table is one task x verifier x filter; rows are the generators, columns the"
            + " judges; a cell is the gap J(f[w]) - J(f) with its bootstrap interval over prompts and the"
            + " verifier's AUROC with that judge. The diagonal is self-verification. Verifiers that do not use"
            + " a model (majority, oracle, logprob of the generator's own samples) give the same cell for every"
            + " judge. Read from grid.json in the grid's folder.");
    add(
        "curve",
        "Gap against samples per prompt",
        "From one run: every prompt cut to its first N samples (exactly what a run with N samples"
            + " draws, since each sample has its own seeded stream), filters applied again to the N scores and"
            + " majority re-counted on them; accuracy, pass@N and each verifier × filter's gap with bootstrap"
            + " intervals over prompts. Points at different N share prompts and samples, so they are not"
            + " independent. Read from the run's curve.json (gvgap curve RUN_DIR).");
    add(
        "best",
        "Best strategy",
        "The verifier × filter with the largest gap within its run, model and task,"
            + " marked ★.");
    add(
        "gap-curve",
        "Gap versus parameter",
        "Gap (with its confidence band) of each verifier for a filter run at"
            + " several values of one parameter (e.g. quantile alpha or threshold tau).");
    add(
        "correlation",
        "Score correlation",
        "Spearman's rank correlation (ties get average ranks) between two"
            + " verifiers' scores over the samples both scored; Pearson's r in the hover text.");
    add(
        "roc",
        "ROC curve",
        "For every score threshold t, the true-positive rate (correct samples scoring ≥ t)"
            + " against the false-positive rate (wrong samples scoring ≥ t). The diagonal is chance.");
    add(
        "calibration",
        "Calibration",
        "Scores grouped in ten equal-width bins; for each non-empty bin the mean"
            + " score (x) against the fraction of its samples that are correct (y). A calibrated verifier lies on the"
            + " diagonal.");
    add("tokens", "Tokens", "Sum of the generated tokens of all samples of the run.");
    add(
        "duration",
        "Duration",
        "From the run directory's creation to its last status change (run.json created and"
            + " updated), over all attempts; for a run still going, the time until its last status change.");
    add(
        "partial",
        "PARTIAL",
        "The run is still going, crashed, stopped with an error or has incomplete metrics:"
            + " the report shows what exists, and numbers cover only the complete examples.");
  }

  private Definitions() {}

  private static void add(String id, String term, String text) {
    ALL.put(id, new Definition(id, term, text));
  }

  /** The definition with this id. */
  public static Definition get(String id) {
    Definition definition = ALL.get(id);
    if (definition == null) {
      throw new IllegalArgumentException(
          "no report definition '" + id + "'; known: " + ALL.keySet());
    }
    return definition;
  }

  /** All definitions in the order the report lists them. */
  public static List<Definition> all() {
    return List.copyOf(ALL.values());
  }
}
