/**
 * The {@code math} task: MATH-format problems; the last closed boxed answer, compared as MATH graders
 * do: after LaTeX normalisation, member by member for sets, tuples and intervals, and symbolically
 * (Symja, under a time limit per comparison) for equal values written differently.
 */
package io.gvgap.tasks.math;
