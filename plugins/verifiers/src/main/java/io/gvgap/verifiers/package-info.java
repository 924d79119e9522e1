/**
 * The built-in verifiers: how a model judges samples.
 *
 * <ul>
 *   <li>{@code oracle} ({@link io.gvgap.verifiers.OracleVerifier}): the task's utility, the upper
 *       bound; no model.</li>
 *   <li>{@code majority} ({@link io.gvgap.verifiers.MajorityVoteVerifier}): self-consistency, the
 *       share of samples with the same answer; no model.</li>
 *   <li>{@code logprob} ({@link io.gvgap.verifiers.LogProbVerifier}): the sample's geometric-mean
 *       token probability from generation; no model call.</li>
 *   <li>{@code mc} ({@link io.gvgap.verifiers.MultipleChoiceVerifier}): P(correct) / (P(correct) +
 *       P(incorrect)) of the verdict words.</li>
 *   <li>{@code cot-binary} ({@link io.gvgap.verifiers.CotBinaryVerifier}) and {@code cot-score}
 *       ({@link io.gvgap.verifiers.CotScoreVerifier}): reasoned verdicts, K samples averaged
 *       ({@link io.gvgap.verifiers.CotOptions}).</li>
 *   <li>{@code tournament} ({@link io.gvgap.verifiers.TournamentVerifier}): single-elimination
 *       pairwise judging.</li>
 *   <li>{@code greedy-agreement} ({@link io.gvgap.verifiers.GreedyAgreementVerifier}): a control,
 *       1 when the sample's answer equals the judging model's own greedy answer (one greedy
 *       generation per prompt, cached, request id {@code <exampleId>#greedy}); it measures how much
 *       of a judge's gap "greedy beats sampling" alone explains.</li>
 * </ul>
 * Verifiers that call a model batch across examples in {@code verifyAll} and match the model's
 * results to requests by id ({@code <exampleId>#<sampleIndex>} for CoT, {@code ...#0} for MC,
 * {@code <exampleId>#r<round>#<a>v<b>#ab|ba} for tournament judgements). Model output is untrusted
 * text: a verdict that cannot be read is a failed score (NaN) with the raw output and the reason,
 * never a guessed number. Combining verifiers ({@code ensemble}) is the core's job, not a plugin's.
 * The providers are registered in {@code META-INF/services/io.gvgap.api.verify.VerifierProvider}.
 */
package io.gvgap.verifiers;
