package io.gvgap.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A request written byte by byte on a socket, for what an HTTP client library will not send: partial bodies, lies. */
final class RawHttp implements AutoCloseable {
  private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
  private final Socket socket;

  RawHttp(OpenAiServer server) throws IOException {
    socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
  }

  /** Sends the request line and headers of a POST with this Content-Length (-1: chunked) and extra header lines. */
  RawHttp headers(String path, long contentLength, String... extra) throws IOException {
    StringBuilder head = new StringBuilder(
        "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Content-Type: application/json\r\n");
    head.append(
        contentLength < 0
            ? "Transfer-Encoding: chunked\r\n"
            : "Content-Length: " + contentLength + "\r\n");
    for (String line : extra) {
      head.append(line).append("\r\n");
    }
    return send(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
  }

  RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Sends bytes, ignoring a connection the server has already closed. */
  RawHttp sendQuietly(byte[] bytes) {
    try {
      return send(bytes);
    } catch (IOException closed) {
      return this;
    }
  }

  /** Reads until the server closes the connection (or the read timeout) and returns what came. */
  String readAll() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException | SocketTimeoutException ended) {
      // a reset or a timeout ends the answer like a close
    }
    return received.toString(StandardCharsets.UTF_8);
  }

  /** The status of the first response in a text read from the socket, or -1. */
  static int status(String received) {
    Matcher m = STATUS.matcher(received);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
