/**
 * An OpenAI-compatible HTTP server over any {@link io.gvgap.api.model.LanguageModel}, so one
 * machine can serve a model to others and the {@code openai} backend has a real server in tests.
 *
 * <p>Start one with {@link io.gvgap.server.OpenAiServer#start}; the CLI does it with
 * {@code gvgap serve MODEL_DIR}. Endpoints:
 * <ul>
 *   <li>{@code POST /v1/completions}: {@code prompt} (string or list), {@code n}, {@code max_tokens}
 *       (0 allowed with {@code echo}), {@code temperature}, {@code top_p}, {@code top_k},
 *       {@code seed}, {@code stop}, {@code logprobs}, {@code echo}. With {@code echo} and
 *       {@code logprobs} the prompt's tokens come back with {@code tokens}, {@code token_logprobs}
 *       and {@code text_offset}, so a client can score continuations.</li>
 *   <li>{@code POST /v1/chat/completions}: {@code messages} rendered by {@link io.gvgap.server.ChatPrompt}.</li>
 *   <li>{@code GET /v1/models}, {@code GET /health}, and {@code GET /stats} (request counters).</li>
 * </ul>
 * Errors have OpenAI's shape {@code {"error": {"message": ..., "type": ...}}} with status 400
 * (naming the field), 401, 404, 405 or 500. Model calls run one at a time (a model need not be
 * thread-safe); {@link io.gvgap.server.ServerOptions#workers()} bounds the requests being handled.
 * {@link io.gvgap.server.ServerOptions#failRate()} injects HTTP 500s for fault tests.
 */
package io.gvgap.server;
