package io.tributary.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The samples of one scrape in Prometheus' text format, as Prometheus would read them. */
record PrometheusMetrics(List<Sample> samples) {

    /** One line: a series (name and labels) and its value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    static PrometheusMetrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parseLine(line));
            }
        }
        return new PrometheusMetrics(List.copyOf(samples));
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The sum over the series of {@code name} whose labels include {@code labels}. */
    double sum(String name, Map<String, String> labels) {
        return named(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** The value of the one series of {@code name} that has no labels. */
    double value(String name) {
        List<Sample> plain = named(name).stream().filter(s -> s.labels().isEmpty()).toList();
        if (plain.size() != 1) {
            throw new AssertionError(
                    "expected one unlabelled "
                            + name
                            + ", found "
                            + named(name)
                            + " in "
                            + names());
        }
        return plain.get(0).value();
    }

    private static Sample parseLine(String line) {
        int braces = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (braces >= 0 && braces < space) {
            name = line.substring(0, braces);
            rest = parseLabels(line, braces + 1, labels);
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        // The value, then an optional timestamp.
        String value = line.substring(rest).strip().split(" ")[0];
        return new Sample(name, Map.copyOf(labels), Double.parseDouble(value));
    }

    /** Reads {@code a="x",b="y"} up to the closing brace; returns the index after it. */
    private static int parseLabels(String line, int from, Map<String, String> labels) {
        int i = from;
        while (line.charAt(i) != '}') {
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            StringBuilder value = new StringBuilder();
            i = equals + 2; // past ="
            while (line.charAt(i) != '"') {
                char c = line.charAt(i++);
                if (c == '\\') {
                    char escaped = line.charAt(i++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            labels.put(key, value.toString());
            i++; // past the closing quote
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return i + 1;
    }
}
