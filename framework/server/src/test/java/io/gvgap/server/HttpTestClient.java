package io.gvgap.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A minimal JSON client for the server tests. */
final class HttpTestClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String root;

  record Answer(int status, JsonNode body) {}

  HttpTestClient(OpenAiServer server) {
    this.root = "http://127.0.0.1:" + server.port();
  }

  Answer send(String method, String path, String body, String authorization) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
        .header("Content-Type", "application/json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), MAPPER.readTree(r.body()));
  }

  Answer post(String path, String body) throws Exception {
    return send("POST", path, body, null);
  }

  Answer get(String path) throws Exception {
    return send("GET", path, null, null);
  }
}
