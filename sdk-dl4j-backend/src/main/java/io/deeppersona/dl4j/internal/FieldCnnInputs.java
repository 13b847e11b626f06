package io.deeppersona.dl4j.internal;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.FeatureField;
import io.deeppersona.api.FeatureKind;
import io.deeppersona.api.FeatureSchema;
import io.deeppersona.api.FeatureVector;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.api.error.TrainingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps each field token ({@code "job=admin."}) to its embedding row: 0 is reserved for tokens unseen in training
 * and for missing trailing fields, so that a new category value at scoring time gets a neutral, learned vector
 * rather than failing. Saved with the model as JSON.
 *
 * @param field the item-sequence feature holding one token per field
 * @param fields how many fields (tokens per row)
 * @param vocabulary token to row, from 1
 */
public record FieldCnnInputs(String field, int fields, Map<String, Integer> vocabulary) {
    public FieldCnnInputs {
        requireNonNull(field, "field is null");
        vocabulary = Map.copyOf(requireNonNull(vocabulary, "vocabulary is null"));
        if (fields < 1) {
            throw new IllegalArgumentException("fields must be >= 1, got " + fields);
        }
    }

    public static FieldCnnInputs fit(FeatureSchema schema, List<FeatureVector> rows, String field) {
        FeatureField sequence = schema.field(field).filter(f -> f.kind() == FeatureKind.ITEM_SEQUENCE)
                .orElseThrow(() -> new TrainingException("field-cnn needs item-sequence feature '" + field
                        + "' of field tokens; the features hold "
                        + schema.fields().stream().map(FeatureField::name).toList()
                        + ". Read campaign tables with TabularDataset or set option 'fieldFeature'"));
        Map<String, Integer> vocabulary = new HashMap<>();
        for (FeatureVector row : rows) {
            for (String token : row.sequence(field)) {
                vocabulary.putIfAbsent(token, vocabulary.size() + 1);
            }
        }
        return new FieldCnnInputs(field, sequence.shape().get(0), vocabulary);
    }

    /** Returns the embedding rows of the vector's tokens, padded with 0 to {@link #fields()}. */
    public float[] indices(FeatureVector vector) {
        List<String> tokens = vector.sequences().get(field);
        if (tokens == null) {
            throw new PredictionException("field-cnn needs item-sequence feature '" + field + "'; present: "
                    + vector.sequences().keySet());
        }
        float[] indices = new float[fields];
        for (int i = 0; i < Math.min(fields, tokens.size()); i++) {
            indices[i] = vocabulary.getOrDefault(tokens.get(i), 0);
        }
        return indices;
    }

    /** Embedding rows: the vocabulary plus the unknown row. */
    public int rows() {
        return vocabulary.size() + 1;
    }
}
