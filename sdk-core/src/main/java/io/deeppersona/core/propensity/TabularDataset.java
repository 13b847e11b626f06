package io.deeppersona.core.propensity;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureTable;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.DataSourceException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * Reads a campaign table (one row per contacted customer, one outcome column) into a stratified, seeded
 * train/test {@link PropensityDataset.Split}. Each row becomes two features:
 * <ul>
 *   <li>{@code fields}, an item sequence with one token per column: {@code "column=value"} for categorical
 *   columns and {@code "column=q<k>"} (quantile bin k, cut points learned on the training rows) for numeric ones,
 *   the input of field-aware models and of one-hot encoding;</li>
 *   <li>{@code numeric}, the numeric columns standardised with the training rows' mean and deviation.</li>
 * </ul>
 * A column is numeric when every training value parses as a number and it is not listed as categorical. Row ids
 * are {@code "row-<n>"}, n the 0-based data row.
 */
public final class TabularDataset {
    public static final String FIELDS = "fields";
    public static final String NUMERIC = "numeric";

    private TabularDataset() {
    }

    /**
     * Reads and splits the table.
     *
     * @throws DataSourceException if the file cannot be read, lacks the label column, or has only one outcome
     */
    public static PropensityDataset.Split read(TabularOptions options) {
        requireNonNull(options, "options is null");
        List<String> header = new ArrayList<>();
        List<String[]> rows = readRows(options, header);
        int labelIndex = header.indexOf(options.labelColumn());
        if (labelIndex < 0) {
            throw new DataSourceException("Table " + options.path() + " has no label column '"
                    + options.labelColumn() + "'; columns are " + header);
        }
        for (String dropped : options.dropColumns()) {
            if (!header.contains(dropped)) {
                throw new DataSourceException("Table " + options.path() + " has no column '" + dropped
                        + "' to drop; columns are " + header);
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != labelIndex && !options.dropColumns().contains(header.get(c))) {
                columns.add(c);
            }
        }
        float[] labels = new float[rows.size()];
        List<Integer> positives = new ArrayList<>();
        List<Integer> negatives = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String value = rows.get(r)[labelIndex].trim().toLowerCase(Locale.ROOT);
            labels[r] = options.positiveValues().contains(value) ? 1 : 0;
            (labels[r] == 1 ? positives : negatives).add(r);
        }
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new DataSourceException("Table " + options.path() + " has " + positives.size() + " positive and "
                    + negatives.size() + " negative rows in '" + options.labelColumn() + "' (positive values "
                    + options.positiveValues() + "); a propensity model needs both");
        }
        boolean[] isTest = new boolean[rows.size()];
        Random random = new Random(options.seed());
        for (List<Integer> stratum : List.of(positives, negatives)) {
            Collections.shuffle(stratum, random);
            int test = (int) Math.round(stratum.size() * options.testFraction());
            for (int i = 0; i < test; i++) {
                isTest[stratum.get(i)] = true;
            }
        }
        Encoding encoding = Encoding.learn(header, rows, columns, isTest, options);
        return new PropensityDataset.Split(dataset(rows, labels, isTest, false, encoding),
                dataset(rows, labels, isTest, true, encoding));
    }

    private static PropensityDataset dataset(List<String[]> rows, float[] labels, boolean[] isTest, boolean test,
            Encoding encoding) {
        List<FeatureVector> vectors = new ArrayList<>();
        Map<String, Float> labelById = new HashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            if (isTest[r] == test) {
                String id = "row-" + r;
                vectors.add(encoding.encode(id, rows.get(r)));
                labelById.put(id, labels[r]);
            }
        }
        return new PropensityDataset(FeatureTable.of(encoding.schema(), vectors), labelById);
    }

    private static List<String[]> readRows(TabularOptions options, List<String> header) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(options.separator()).withQuoteChar('"');
        List<String[]> rows = new ArrayList<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(options.path()), 1 << 16);
                InputStream in = options.path().toString().endsWith(".gz") ? new GZIPInputStream(file) : file;
                MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(in)) {
            if (!it.hasNext()) {
                throw new DataSourceException("Table " + options.path() + " is empty; expected a header row");
            }
            header.addAll(List.of(it.next()));
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (row.length != header.size()) {
                    throw new DataSourceException("Table " + options.path() + " row " + (rows.size() + 1) + " has "
                            + row.length + " columns; the header has " + header.size());
                }
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataSourceException d) {
                throw d;
            }
            throw new DataSourceException("cannot read table " + options.path() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** The learned encoding: per column categorical or numeric with bins, mean and scale. */
    private record Encoding(List<String> names, int[] columns, QuantileBins[] bins, double[] means, double[] scales,
            FeatureSchema schema) {
        static Encoding learn(List<String> header, List<String[]> rows, List<Integer> columns, boolean[] isTest,
                TabularOptions options) {
            int n = columns.size();
            QuantileBins[] bins = new QuantileBins[n];
            double[] means = new double[n];
            double[] scales = new double[n];
            List<String> numericNames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int c = columns.get(i);
                if (options.categoricalColumns().contains(header.get(c))) {
                    continue;
                }
                double[] values = trainingNumbers(rows, c, isTest);
                if (values == null) {
                    continue;
                }
                bins[i] = QuantileBins.learn(values, options.bins());
                double sum = 0;
                double squares = 0;
                for (double v : values) {
                    sum += v;
                    squares += v * v;
                }
                means[i] = sum / values.length;
                double variance = Math.max(0, squares / values.length - means[i] * means[i]);
                scales[i] = variance > 1e-12 ? Math.sqrt(variance) : 1;
                numericNames.add(header.get(c));
            }
            List<FeatureField> fields = new ArrayList<>();
            fields.add(FeatureField.itemSequence(FIELDS, n));
            if (!numericNames.isEmpty()) {
                fields.add(FeatureField.labelledVector(NUMERIC, numericNames));
            }
            List<String> names = columns.stream().map(header::get).toList();
            return new Encoding(names, columns.stream().mapToInt(Integer::intValue).toArray(), bins, means, scales,
                    new FeatureSchema(fields));
        }

        FeatureVector encode(String id, String[] row) {
            List<String> tokens = new ArrayList<>(columns.length);
            List<Float> numbers = new ArrayList<>();
            for (int i = 0; i < columns.length; i++) {
                String raw = row[columns[i]];
                if (bins[i] == null) {
                    tokens.add(names.get(i) + "=" + raw);
                    continue;
                }
                double value = parse(raw);
                if (Double.isNaN(value)) {
                    tokens.add(names.get(i) + "=missing");
                    numbers.add(0f);
                } else {
                    tokens.add(names.get(i) + "=q" + bins[i].bin(value));
                    numbers.add((float) ((value - means[i]) / scales[i]));
                }
            }
            Map<String, float[]> numeric = new LinkedHashMap<>();
            if (!numbers.isEmpty()) {
                float[] array = new float[numbers.size()];
                for (int k = 0; k < array.length; k++) {
                    array[k] = numbers.get(k);
                }
                numeric.put(NUMERIC, array);
            }
            return new FeatureVector(id, numeric, Map.of(FIELDS, tokens));
        }

        private static double[] trainingNumbers(List<String[]> rows, int column, boolean[] isTest) {
            List<Double> values = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                if (isTest[r]) {
                    continue;
                }
                double value = parse(rows.get(r)[column]);
                if (Double.isNaN(value)) {
                    return null;
                }
                values.add(value);
            }
            return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        private static double parse(String raw) {
            try {
                double value = Double.parseDouble(raw.trim());
                return Double.isFinite(value) ? value : Double.NaN;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
