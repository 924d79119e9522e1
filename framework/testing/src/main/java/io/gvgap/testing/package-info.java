/**
 * Test doubles for gvgap's own tests: a deterministic scripted {@code LanguageModel} backend
 * ({@code scripted}), a toy task ({@code toy-sums}), a judge that asks the model for
 * P(Correct) ({@code scripted-judge}), a threshold filter ({@code keep-above}), and
 * {@link io.gvgap.testing.FaultInjectingModel}, a model decorator failing a seeded share of calls for
 * fault tests of servers and remote backends. Used in test scope only; never shipped with the command line.
 */
package io.gvgap.testing;
