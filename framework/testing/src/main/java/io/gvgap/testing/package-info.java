/**
 * Test doubles: a deterministic scripted {@code LanguageModel} backend ({@code scripted}), a toy
 * task ({@code toy-sums}), a judge that asks the model for P(Correct) ({@code scripted-judge}), a
 * threshold filter ({@code keep-above}), and {@link io.gvgap.testing.FaultInjectingModel}, a model
 * decorator failing a seeded share of calls for fault tests of servers and remote backends; the
 * conformance kit's verifier checks use the first two by default. The jar registers none of them
 * for discovery, so a registry sees them only where a test asks: list the classes in the test's own
 * {@code src/test/resources/META-INF/services/...} files, or depend on the {@code plugin} classifier
 * jar, which carries those registrations. Never shipped with the command line.
 */
package io.gvgap.testing;
