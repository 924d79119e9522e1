package io.gvgap.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted HTTP server (the JDK's) for answers gvgap serve never gives: 429 with Retry-After,
 * bodies without prompt log-probabilities, plain 400/401 errors. Answer {@code k} is
 * {@code answers.get(min(k, last))}.
 */
final class StubServer implements AutoCloseable {

  /** One scripted answer. */
  record Answer(int status, String body, String retryAfter) {}

  private final HttpServer server;
  private final AtomicInteger hits = new AtomicInteger();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<Long> hitTimes = new CopyOnWriteArrayList<>();

  StubServer(List<Answer> answers) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      int k = hits.getAndIncrement();
      hitTimes.add(System.nanoTime());
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.getRequestBody().readAllBytes();
      Answer a = answers.get(Math.min(k, answers.size() - 1));
      if (a.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", a.retryAfter());
      }
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  int hits() {
    return hits.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
