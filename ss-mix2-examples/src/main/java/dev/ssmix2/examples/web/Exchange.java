package dev.ssmix2.examples.web;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** One request and its response, with the few operations the viewer needs (a thin layer over Jetty's core API). */
final class Exchange {
  final Request request;
  final Response response;
  final Callback callback;

  Exchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  String method() {
    return request.getMethod();
  }

  /** The path as sent, still percent-encoded. */
  String rawPath() {
    return request.getHttpURI().getPath();
  }

  String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  List<String> headers(String name) {
    return request.getHeaders().getValuesList(name);
  }

  String client() {
    return Request.getRemoteAddr(request);
  }

  boolean secure() {
    return request.isSecure();
  }

  void setHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  void addHeader(String name, String value) {
    response.getHeaders().add(name, value);
  }

  void send(int status, String contentType, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  void sendJson(int status, Object value) {
    send(status, "application/json; charset=utf-8", Json.bytes(value));
  }

  void redirect(String location) {
    response.setStatus(303);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, null, callback);
  }
}
