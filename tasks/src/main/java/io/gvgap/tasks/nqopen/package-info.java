/**
 * The {@code nq-open} task: open-domain questions; normalised exact match against any alias.
 */
package io.gvgap.tasks.nqopen;
