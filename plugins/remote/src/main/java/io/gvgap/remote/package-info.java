/**
 * The {@code openai} model backend: drives an OpenAI-compatible server (vLLM, llama.cpp server,
 * TGI, {@code gvgap serve}) over {@link java.net.http.HttpClient}.
 *
 * <p>A run spec names it like any backend:
 * <pre>
 * models:
 *   - label: qwen-7b
 *     backend: openai
 *     options: {base_url: "http://gpu-host:8000/v1", model: "Qwen/Qwen2.5-7B-Instruct",
 *               concurrency: 16, cache_dir: "cache/qwen-7b"}
 * </pre>
 * The provider is {@link io.gvgap.remote.OpenAiBackend}, registered in
 * {@code META-INF/services/io.gvgap.api.model.ModelBackend}; the model is
 * {@link io.gvgap.remote.OpenAiLanguageModel}. The API key is read from the environment variable
 * named by {@code api_key_env} (default {@code OPENAI_API_KEY}), sent only as a bearer token, and
 * never written to logs, exceptions, caches or run directories. Requests failing with 429, 5xx or
 * no answer are retried with exponential backoff and jitter (honouring {@code Retry-After}), each
 * retry logged; 400/401/404 fail at once with the server's message, and so does a refused
 * connection before the server has ever answered. With {@code cache_dir}, responses are stored by
 * the SHA-256 of the endpoint URL and the request, so a rerun makes no requests and another server
 * never answers from this one's entries. Requests and responses are the records of
 * {@link io.gvgap.core.openai}, the ones {@code gvgap serve} uses.
 */
package io.gvgap.remote;
