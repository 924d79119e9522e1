/**
 * The {@code arithmetic} task: generated problems with column-by-column solutions, and {@link io.gvgap.tasks.arithmetic.ArithmeticCorpus}, the pre-training and verification text of the built-in models.
 */
package io.gvgap.tasks.arithmetic;
