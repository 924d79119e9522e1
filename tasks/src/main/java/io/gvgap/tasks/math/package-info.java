/**
 * The {@code math} task: MATH-format problems; the last boxed answer, compared after LaTeX normalisation.
 */
package io.gvgap.tasks.math;
