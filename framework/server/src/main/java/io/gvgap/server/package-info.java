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
 *   <li>{@code GET /v1/models}, {@code GET /health} (always open), and {@code GET /stats} (counters).</li>
 * </ul>
 * Bodies are the records of {@link io.gvgap.core.openai}. Errors have OpenAI's shape
 * {@code {"error": {"message": ..., "type": ...}}} with status 400 (naming the field path or the
 * limit), 401, 404, 405, 408, 413, 500 or 503. {@link io.gvgap.server.ServerLimits} bounds the body,
 * the prompts and tokens of a request, the queue and the time a body may take; the API key is
 * checked before the body is read. Model calls run one at a time (a model need not be thread-safe),
 * 64 samples each, and a request whose client has gone stops before its next call;
 * {@link io.gvgap.server.ServerOptions#workers()} bounds the requests being computed.
 */
package io.gvgap.server;
