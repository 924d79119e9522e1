/**
 * The {@code sudoku4} task: 4x4 Sudoku puzzles with unique solutions, checked by rule; verifying is far easier than solving.
 */
package io.gvgap.tasks.sudoku4;
