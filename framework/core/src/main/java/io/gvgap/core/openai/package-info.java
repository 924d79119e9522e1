/**
 * The OpenAI-compatible wire format, as records bound by Jackson: the one definition that
 * {@code gvgap serve} (framework/server) answers with and the {@code openai} backend
 * (plugins/remote) sends and reads, so the two cannot drift apart.
 *
 * <p>{@link io.gvgap.core.openai.OpenAiJson#mapper()} binds the records with OpenAI's snake_case
 * names, strict scalar types (no {@code "1"} for {@code 1}, no {@code 1.5} for an integer) and
 * unknown fields ignored (clients and servers send fields gvgap does not use);
 * {@link io.gvgap.core.openai.OpenAiJson#read} turns a binding failure into an
 * {@link io.gvgap.core.openai.OpenAiFormatException} naming the field path
 * ({@code prompt[2]}, {@code messages[0].role}).
 *
 * <ul>
 *   <li>Requests: {@link io.gvgap.core.openai.CompletionRequest},
 *       {@link io.gvgap.core.openai.ChatRequest} with {@link io.gvgap.core.openai.ChatMessage}.</li>
 *   <li>Responses: {@link io.gvgap.core.openai.CompletionResponse} and
 *       {@link io.gvgap.core.openai.ChatResponse}, their choices, {@link io.gvgap.core.openai.Usage},
 *       the legacy and chat log-probability shapes, gvgap's per-choice extension
 *       {@link io.gvgap.core.openai.GvgapChoice}, {@link io.gvgap.core.openai.ErrorResponse} and
 *       {@link io.gvgap.core.openai.ModelList}.</li>
 * </ul>
 */
package io.gvgap.core.openai;
