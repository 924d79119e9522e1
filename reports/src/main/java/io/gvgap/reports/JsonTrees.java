package io.gvgap.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.core.metrics.Estimate;
import io.gvgap.core.store.Json;

/** Small helpers for building report data: JSON has no NaN, so an undefined number is null. */
final class JsonTrees {

  private JsonTrees() {}

  static ObjectNode object() {
    return Json.mapper().createObjectNode();
  }

  static ArrayNode array() {
    return Json.mapper().createArrayNode();
  }

  /** Puts {@code value}, or null when it is NaN or infinite. */
  static void put(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  /** Adds {@code value}, or null when it is NaN or infinite. */
  static void add(ArrayNode node, double value) {
    if (Double.isFinite(value)) {
      node.add(value);
    } else {
      node.addNull();
    }
  }

  /** An estimate as {@code [value, lower, upper]}, each null when undefined. */
  static ArrayNode estimate(Estimate estimate) {
    ArrayNode node = array();
    if (estimate == null) {
      node.addNull().addNull().addNull();
      return node;
    }
    add(node, estimate.value());
    add(node, estimate.lower());
    add(node, estimate.upper());
    return node;
  }

  /** An object naming the group: {@code {"model": ..., "task": ...}}. */
  static ObjectNode group(GroupData group) {
    ObjectNode node = object();
    node.put("model", group.model());
    node.put("task", group.task());
    return node;
  }
}
