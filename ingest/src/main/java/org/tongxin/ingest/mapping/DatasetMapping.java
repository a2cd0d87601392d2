package org.tongxin.ingest.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The declarative description of one department dataset (one YAML file): its columns, record key, checks and
 * the relationships its rows make. The loader is generic; a new dataset is a new mapping file.
 */
public record DatasetMapping(String dataset, String title, String department, String label, List<String> key,
                             List<ColumnSpec> columns, List<IntervalSpec> intervals, IdentitySpec identity,
                             List<LinkSpec> links, Map<String, String> missingColumnNotes) {

    /** An interval whose end at or before its start is flagged {@code bad-date} and treated as blank. */
    public record IntervalSpec(String start, String end) {
    }

    /** Birth date and sex written in a row, compared with the identity number ({@code id-mismatch}). */
    public record IdentitySpec(String id, String birthDate, String sex) {
    }

    public DatasetMapping {
        if (dataset == null || !dataset.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("dataset name must be lower_snake: " + dataset);
        }
        if (label == null || !label.matches("[A-Z][A-Za-z]*")) {
            throw new IllegalArgumentException(dataset + ": label must be CamelCase: " + label);
        }
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        links = links == null ? List.of() : List.copyOf(links);
        missingColumnNotes = missingColumnNotes == null ? Map.of() : Map.copyOf(missingColumnNotes);
        Map<String, ColumnSpec> byName = columns.stream()
                .collect(Collectors.toMap(ColumnSpec::name, Function.identity()));
        for (String k : key) {
            ColumnSpec c = byName.get(k);
            if (c == null || !c.required()) {
                throw new IllegalArgumentException(dataset + ": key column " + k + " must be a required column");
            }
        }
        List<ColumnSpec> cols = columns;
        String ds = dataset;
        for (LinkSpec l : links) {
            requireProp(ds, cols, l.from());
            if (l.fromProp() != null) {
                requireProp(ds, cols, l.fromProp());
            }
            l.set().values().forEach(p -> requireProp(ds, cols, p));
            l.props().values().forEach(p -> requireProp(ds, cols, p));
        }
        for (IntervalSpec i : intervals) {
            requireProp(ds, cols, i.start());
            requireProp(ds, cols, i.end());
        }
    }

    private static void requireProp(String dataset, List<ColumnSpec> columns, String prop) {
        if (columns.stream().noneMatch(c -> c.prop().equals(prop))) {
            throw new IllegalArgumentException(dataset + ": no column has prop " + prop);
        }
    }

    public Optional<ColumnSpec> column(String header) {
        return columns.stream().filter(c -> c.name().equals(header)).findFirst();
    }

    public ColumnSpec columnByProp(String prop) {
        return columns.stream().filter(c -> c.prop().equals(prop)).findFirst().orElseThrow();
    }
}
