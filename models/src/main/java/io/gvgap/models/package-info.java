/**
 * The recipe of gvgap's built-in tiny model family: {@link io.gvgap.models.ModelFamily} lists the
 * sizes and their training stages, {@link io.gvgap.models.ArithmeticPretrainingCorpus} generates
 * the corpus from the {@code arithmetic} task (held-out expressions excluded),
 * {@link io.gvgap.models.SudokuPretrainingCorpus} that of the Sudoku member from the {@code sudoku4}
 * task (held-out puzzles excluded), and {@link io.gvgap.models.PretrainRunner} trains, evaluates
 * ({@link io.gvgap.models.HeldOutEvaluation}, {@link io.gvgap.models.SudokuHeldOutEvaluation}) and
 * writes each model directory with its card {@code gvgap-model.json}.
 */
package io.gvgap.models;
