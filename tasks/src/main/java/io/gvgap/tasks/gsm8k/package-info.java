/**
 * The {@code gsm8k} task: GSM8K word problems from a test.jsonl file; numeric answers compared after canonicalisation.
 */
package io.gvgap.tasks.gsm8k;
