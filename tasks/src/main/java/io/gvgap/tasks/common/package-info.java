/**
 * Shared helpers of the built-in tasks: JSON Lines reading with located errors, stable seeded subsets, few-shot verification formats.
 */
package io.gvgap.tasks.common;
