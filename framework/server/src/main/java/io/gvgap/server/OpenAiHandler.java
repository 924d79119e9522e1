package io.gvgap.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Routes the OpenAI endpoints, enforces the worker limit, the API key and fault injection. */
final class OpenAiHandler extends Handler.Abstract {
  private final CompletionsEndpoint completions;
  private final ServerOptions options;
  private final ServerStats stats;
  private final FaultInjector faults;
  private final Semaphore workers;
  private final ObjectMapper mapper;
  private final PrintStream log;

  OpenAiHandler(CompletionsEndpoint completions, ServerOptions options, ServerStats stats, ObjectMapper mapper,
      PrintStream log) {
    this.completions = completions;
    this.options = options;
    this.stats = stats;
    this.faults = new FaultInjector(options.failRate(), options.failSeed());
    this.workers = new Semaphore(options.workers(), true);
    this.mapper = mapper;
    this.log = log;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    stats.request();
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    int status = 200;
    JsonNode body;
    try {
      // Read the whole body before any answer, errors included: a response sent before the body has
      // arrived leaves it unread, and the server then closes the connection that the client keeps
      // alive for its next request (KeepAliveAfterErrorTest).
      String text = Content.Source.asString(request, StandardCharsets.UTF_8);
      body = route(request, method, path, text);
    } catch (ApiException e) {
      status = e.status();
      body = error(e.getMessage(), e.type());
      if (!"injected_fault".equals(e.type())) {
        stats.error();
      }
    } catch (RuntimeException e) {
      status = 500;
      stats.error();
      body = error("the model failed: " + e, "server_error");
      log.println("gvgap serve: 500 " + method + " " + path + ": " + e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    Content.Sink.write(response, true, mapper.writeValueAsString(body), callback);
    return true;
  }

  private JsonNode route(Request request, String method, String path, String text) throws Exception {
    boolean completion = path.equals("/v1/completions") || path.equals("/v1/chat/completions");
    boolean known = completion || path.equals("/v1/models") || path.equals("/health") || path.equals("/stats");
    if (!known) {
      throw new ApiException(404, "not_found_error", "no endpoint " + path + "; gvgap serve has POST /v1/completions, "
          + "POST /v1/chat/completions, GET /v1/models, GET /health and GET /stats");
    }
    String expected = completion ? "POST" : "GET";
    if (!method.equals(expected)) {
      throw new ApiException(405, "invalid_request_error", method + " is not allowed on " + path + "; use " + expected);
    }
    if (path.equals("/health")) {
      return mapper.createObjectNode().put("status", "ok");
    }
    if (path.equals("/stats")) {
      return mapper.createObjectNode().put("requests", stats.requests())
          .put("completion_requests", stats.completionRequests()).put("injected_faults", stats.injectedFaults())
          .put("errors", stats.errors());
    }
    checkKey(request);
    if (path.equals("/v1/models")) {
      ObjectNode list = mapper.createObjectNode().put("object", "list");
      list.putArray("data").addObject().put("id", options.servedName()).put("object", "model")
          .put("owned_by", "gvgap");
      return list;
    }
    stats.completionRequest();
    if (faults.shouldFail()) {
      long count = stats.injectedFault();
      log.println("gvgap serve: injected fault 500 on " + path + " (" + count + " so far)");
      throw new ApiException(500, "injected_fault", "fault injected on purpose (fail rate " + options.failRate()
          + "); retry the request");
    }
    JsonNode body = parse(text);
    workers.acquire();
    try {
      return path.equals("/v1/completions") ? completions.completions(body) : completions.chat(body);
    } finally {
      workers.release();
    }
  }

  private void checkKey(Request request) {
    if (options.apiKey() == null) {
      return;
    }
    String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (header == null || !header.equals("Bearer " + options.apiKey())) {
      throw new ApiException(401, "authentication_error", header == null
          ? "no API key: send the header 'Authorization: Bearer <key>'"
          : "the API key sent is not the one this server accepts");
    }
  }

  private JsonNode parse(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid_request_error", "the request body is not valid JSON: "
          + e.getOriginalMessage());
    }
  }

  private ObjectNode error(String message, String type) {
    ObjectNode body = mapper.createObjectNode();
    body.putObject("error").put("message", message).put("type", type.equals("injected_fault") ? "server_error" : type);
    return body;
  }
}
