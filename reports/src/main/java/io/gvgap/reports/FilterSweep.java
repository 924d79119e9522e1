package io.gvgap.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filter swept over one numeric parameter, e.g. {@code quantile} at {@code alpha} 0.1, 0.25 and
 * 0.5: the x axis of a gap-versus-parameter curve.
 *
 * @param filterName the filter plugin's name, e.g. {@code quantile}
 * @param parameter the option that varies, e.g. {@code alpha}
 * @param points the filter labels with their parameter value, sorted by value
 */
public record FilterSweep(String filterName, String parameter, List<Point> points) {

  /**
   * One filter of the sweep.
   *
   * @param label the filter label as in the metrics, e.g. {@code quantile(alpha=0.25)}
   * @param value the swept parameter's value
   */
  public record Point(String label, double value) {}

  /** A label of the form {@code name(key=value, key=value)}. */
  private static final Pattern LABEL = Pattern.compile("([^()]+)\\((.*)\\)");

  /** Copies the points. */
  public FilterSweep {
    points = List.copyOf(points);
  }

  /**
   * The sweeps among {@code labels}: filters of one name, at least two labels, whose options differ
   * in exactly one numeric option. Name and options come from the spec's {@code filters[]} entry of
   * each label, or, for a label the spec does not list, from the label itself.
   *
   * @param specFilters the spec's {@code filters} array (may be missing or empty)
   * @param labels the filter labels of a group's strategies
   */
  public static List<FilterSweep> find(JsonNode specFilters, Collection<String> labels) {
    Map<String, Map<String, String>> optionsByLabel = new LinkedHashMap<>();
    Map<String, String> nameByLabel = new LinkedHashMap<>();
    for (String label : labels) {
      JsonNode entry = specEntry(specFilters, label);
      if (entry != null && entry.hasNonNull("name")) {
        nameByLabel.put(label, entry.get("name").asText());
        Map<String, String> options = new TreeMap<>();
        entry
            .path("options")
            .properties()
            .forEach(f -> options.put(f.getKey(), f.getValue().asText()));
        optionsByLabel.put(label, options);
      } else {
        Matcher m = LABEL.matcher(label.trim());
        if (!m.matches()) {
          continue;
        }
        nameByLabel.put(label, m.group(1).trim());
        Map<String, String> options = new TreeMap<>();
        for (String pair : m.group(2).split(",")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            options.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
          }
        }
        optionsByLabel.put(label, options);
      }
    }
    Map<String, List<String>> labelsByName = new LinkedHashMap<>();
    nameByLabel.forEach((label, name) ->
        labelsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(label));
    List<FilterSweep> sweeps = new ArrayList<>();
    labelsByName.forEach((name, group) -> {
      FilterSweep sweep = sweepOf(name, group, optionsByLabel);
      if (sweep != null) {
        sweeps.add(sweep);
      }
    });
    return sweeps;
  }

  private static FilterSweep sweepOf(
      String name, List<String> group, Map<String, Map<String, String>> optionsByLabel) {
    if (group.size() < 2) {
      return null;
    }
    Map<String, String> first = optionsByLabel.get(group.get(0));
    String varying = null;
    for (String label : group) {
      Map<String, String> options = optionsByLabel.get(label);
      if (!options.keySet().equals(first.keySet())) {
        return null;
      }
      for (String key : options.keySet()) {
        if (!Objects.equals(options.get(key), first.get(key))) {
          if (varying != null && !varying.equals(key)) {
            return null;
          }
          varying = key;
        }
      }
    }
    if (varying == null) {
      return null;
    }
    List<Point> points = new ArrayList<>();
    for (String label : group) {
      Double value = number(optionsByLabel.get(label).get(varying));
      if (value == null) {
        return null;
      }
      points.add(new Point(label, value));
    }
    points.sort(Comparator.comparingDouble(Point::value));
    return new FilterSweep(name, varying, points);
  }

  private static JsonNode specEntry(JsonNode specFilters, String label) {
    if (specFilters == null || !specFilters.isArray()) {
      return null;
    }
    for (JsonNode entry : specFilters) {
      if (label.equals(entry.path("label").asText(null))) {
        return entry;
      }
    }
    return null;
  }

  private static Double number(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException | NullPointerException e) {
      return null;
    }
  }
}
