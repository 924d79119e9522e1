package io.gvgap.onnx.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads training examples from JSON Lines: each line is either {@code {"prompt": ..., "response":
 * ..., "weight": w}} (weight optional, default 1) or a plain document {@code {"text": ...}}. Blank
 * lines are skipped.
 */
public final class TrainingData {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TrainingData() {}

  /** All examples of a JSON Lines file; fails naming the file, line and field of the first bad line. */
  public static List<TrainingExample> readJsonLines(Path file) throws IOException {
    List<TrainingExample> examples = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        examples.add(parse(file, number, line));
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalArgumentException(
          file + " holds no examples: write one JSON object per line with "
              + "\"prompt\" and \"response\" (and optionally \"weight\"), or \"text\"");
    }
    return examples;
  }

  private static TrainingExample parse(Path file, int number, String line) {
    String where = file + ":" + number;
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      // the original message: without Jackson's "[Source: REDACTED ...]" location (the line is
      // named already)
      throw new IllegalArgumentException(
          where + " is not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(where + " must be a JSON object");
    }
    try {
      if (node.has("text")) {
        return TrainingExample.document(text(node, "text", where));
      }
      if (!node.has("response")) {
        throw new IllegalArgumentException(
            where + " has neither \"response\" (with \"prompt\") nor \"text\"");
      }
      String prompt = node.has("prompt") ? text(node, "prompt", where) : "";
      double weight = 1.0;
      if (node.has("weight")) {
        if (!node.get("weight").isNumber()) {
          throw new IllegalArgumentException(
              where + " field \"weight\" must be a number, was " + node.get("weight"));
        }
        weight = node.get("weight").asDouble();
      }
      return new TrainingExample(prompt, text(node, "response", where), weight);
    } catch (IllegalArgumentException e) {
      throw e.getMessage().startsWith(where)
          ? e
          : new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(
          where + " field \"" + field + "\" must be a string, was " + value);
    }
    return value.asText();
  }
}
