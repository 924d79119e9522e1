package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol on a
 * {@code java.net.http} WebSocket: no driver download, no extra dependency. Records console errors,
 * uncaught exceptions, browser log errors (CSP violations land there) and every network request.
 */
final class Chromium implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path userDataDir;
  private final WebSocket socket;
  private final AtomicInteger nextId = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  /** Console errors, uncaught exceptions and error log entries, as text. */
  final List<String> errors = new CopyOnWriteArrayList<>();
  /** URLs of every request the page made. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path userDataDir, WebSocket socket) {
    this.process = process;
    this.userDataDir = userDataDir;
    this.socket = socket;
  }

  /**
   * The Chromium executable: system property {@code gvgap.chromium}, else {@code chromium} or
   * {@code chromium-browser} on the PATH.
   *
   * @throws AssertionError saying how to install it when there is none (the browser tests must not
   *     pass silently without a browser)
   */
  static Path executable() {
    String configured = System.getProperty("gvgap.chromium");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new AssertionError(
        "Chromium is not installed, and the report tests need a real browser. Install it with"
            + " `apt-get update && apt-get install -y chromium` (as .ci/run does), or point"
            + " -Dgvgap.chromium=/path/to/chromium at one.");
  }

  /** Starts a fresh headless Chromium with its own profile directory and attaches to its page. */
  static Chromium launch() throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("gvgap-chromium-");
    List<String> command = List.of(
        executable().toString(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--disable-default-apps",
        "--disable-extensions",
        "--mute-audio",
        "--hide-scrollbars",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile,
        "--remote-debugging-port=0",
        "about:blank");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Chromium exited at start (code " + process.exitValue()
              + "): " + Files.readString(profile.resolve("chromium.log")));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Chromium did not open its DevTools port within 60 s");
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = null;
      for (int attempt = 0; attempt < 100 && pageSocket == null; attempt++) {
        HttpResponse<String> list = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
          if ("page".equals(target.path("type").asText())) {
            pageSocket = target.path("webSocketDebuggerUrl").asText();
          }
        }
        if (pageSocket == null) {
          Thread.sleep(50);
        }
      }
      if (pageSocket == null) {
        throw new IllegalStateException("Chromium shows no page target");
      }
      Listener listener = new Listener();
      WebSocket socket = http.newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(pageSocket), listener)
          .get(30, TimeUnit.SECONDS);
      Chromium chromium = new Chromium(process, profile, socket);
      listener.owner = chromium;
      chromium.send("Runtime.enable");
      chromium.send("Log.enable");
      chromium.send("Page.enable");
      chromium.send("Network.enable");
      // records CSP violations the page itself sees; runs before any page script
      ObjectNode script = JSON.createObjectNode()
          .put(
              "source",
              "window.__cspViolations = [];"
                  + "document.addEventListener('securitypolicyviolation', function (e) {"
                  + " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });");
      chromium.send("Page.addScriptToEvaluateOnNewDocument", script);
      return chromium;
    } catch (Exception e) {
      killTree(process);
      throw e instanceof IOException io
          ? io
          : new IOException("cannot start Chromium: " + e.getMessage(), e);
    }
  }

  /** Sends a command without parameters and waits for its result. */
  JsonNode send(String method) {
    return send(method, JSON.createObjectNode());
  }

  /** Sends a command and waits for its result. */
  JsonNode send(String method, ObjectNode params) {
    int id = nextId.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    socket.sendText(message.toString(), true).join();
    try {
      JsonNode response = result.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (response.has("error")) {
        throw new IllegalStateException(method + " failed: " + response.get("error"));
      }
      return response.path("result");
    } catch (Exception e) {
      throw new IllegalStateException(method + ": " + e.getMessage(), e);
    } finally {
      pending.remove(id);
    }
  }

  /** Opens a URL (returns once the navigation is committed; wait for the page's own signal after). */
  void navigate(String url) {
    send("Page.navigate", JSON.createObjectNode().put("url", url));
  }

  /** Evaluates a JavaScript expression in the page and returns its value (promises awaited). */
  JsonNode evaluate(String expression) {
    JsonNode result = send(
        "Runtime.evaluate",
        JSON.createObjectNode()
            .put("expression", expression)
            .put("returnByValue", true)
            .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("JavaScript failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Polls {@code condition} until it is true; fails after {@code timeout}. */
  void waitFor(String condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!evaluate("Boolean(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + condition + "; errors: " + errors);
      }
      Thread.sleep(25);
    }
  }

  /** Saves a PNG of the whole page (at most {@code maxHeight} CSS pixels tall). */
  void screenshot(Path file, int maxHeight) throws IOException {
    JsonNode metrics = send("Page.getLayoutMetrics");
    JsonNode size = metrics.path("cssContentSize");
    double width = size.path("width").asDouble(1400);
    double height = Math.min(maxHeight, size.path("height").asDouble(1000));
    ObjectNode params =
        JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
    params
        .putObject("clip")
        .put("x", 0)
        .put("y", 0)
        .put("width", width)
        .put("height", height)
        .put("scale", 1);
    JsonNode shot = send("Page.captureScreenshot", params);
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  /** Saves a PNG of what the window shows now. */
  void screenshotViewport(Path file) throws IOException {
    JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      errors.add("unreadable DevTools message: " + e.getMessage());
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> future = pending.get(message.get("id").asInt());
      if (future != null) {
        future.complete(message);
      }
      return;
    }
    String method = message.path("method").asText();
    JsonNode params = message.path("params");
    switch (method) {
      case "Runtime.consoleAPICalled" -> {
        String type = params.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + params.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("uncaught: " + params.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if (params.path("entry").path("level").asText().equals("error")) {
          errors.add("log (" + params.path("entry").path("source").asText() + "): "
              + params.path("entry").path("text").asText());
        }
      }
      case "Network.requestWillBeSent" ->
        requests.add(params.path("request").path("url").asText());
      default -> {}
    }
  }

  @Override
  public void close() throws IOException {
    try {
      send("Browser.close");
    } catch (RuntimeException e) {
      // the browser may close the socket before it answers; it is ending either way
    }
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        killTree(process);
      }
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(userDataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Kills Chromium and its helper processes (renderer, GPU, zygote), so that none outlives the test. */
  private static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Reassembles fragmented WebSocket messages and hands them to the owner. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();
    private final List<String> early = new ArrayList<>();
    private volatile Chromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        if (owner == null) {
          early.add(text);
        } else {
          early.forEach(owner::onMessage);
          early.clear();
          owner.onMessage(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
