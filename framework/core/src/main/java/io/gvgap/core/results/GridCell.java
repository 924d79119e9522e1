package io.gvgap.core.results;

import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.metrics.NanAsNull;

/**
 * One cell of a cross-verification grid: the samples of {@code generator} on {@code task}, judged by
 * {@code judge} with one verifier × filter strategy.
 *
 * @param generator the label of the model whose samples are judged
 * @param judge the label of the model that judges them (the verifiers' model)
 * @param task the task label
 * @param verifier the verifier label
 * @param filter the filter label
 * @param prompts the prompts of the group
 * @param accuracy J(f) of the generator's samples (the same for every judge)
 * @param gap J(f[w]) − J(f) with its interval; undefined when the strategy kept nothing anywhere
 * @param auroc the verifier's AUROC on these samples with this judge; NaN when undefined
 * @param emptyKeptPrompts prompts on which the strategy kept nothing
 */
public record GridCell(
    String generator,
    String judge,
    String task,
    String verifier,
    String filter,
    int prompts,
    Estimate accuracy,
    Estimate gap,
    @NanAsNull double auroc,
    int emptyKeptPrompts) {}
