package io.deeppersona.core.models;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.artifact.ArtifactReader;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.TrainingException;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Map;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_MT_DDRB;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): a closed-form item-item weight
 * matrix with a zero diagonal.
 *
 * <pre>
 * G = X^T X            (X the binary customer x item matrix)
 * P = (G + lambda I)^-1 (block Cholesky, since G + lambda I is symmetric positive definite)
 * B = I - P diag(1 / diag(P)),  i.e. B[i][j] = -P[i][j] / P[j][j] and B[j][j] = 0
 * score(u) = x_u B
 * </pre>
 * B is dense (items squared floats: 52 MB for 3,619 items) and is kept as {@code float}; scores sum in double.
 */
final class EaseModel extends ScoringModel {
    private final float[] weights;

    EaseModel(String[] itemIds, int[] popularity, double lambda, float[] weights) {
        super(new ModelInfo(EaseModelProvider.NAME, EaseModelProvider.PAYLOAD_VERSION, Map.of("lambda", lambda),
                Map.of()), itemIds, popularity);
        if (weights.length != (long) itemIds.length * itemIds.length) {
            throw new IllegalArgumentException("weights hold " + weights.length + " values for " + itemIds.length
                    + " items");
        }
        this.weights = weights;
    }

    static EaseModel train(Interactions interactions, double lambda) {
        int n = interactions.itemCount();
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new TrainingException("ease needs a dense " + n + " x " + n + " matrix, more than Java arrays hold;"
                    + " filter rare items first (at most 46,000 items)");
        }
        DMatrixRMaj gram = new DMatrixRMaj(n, n);
        double[] g = gram.data;
        for (int row = 0; row < interactions.rowCount(); row++) {
            int end = interactions.rowEnd(row);
            for (int a = interactions.rowStart(row); a < end; a++) {
                int offset = interactions.itemAt(a) * n;
                for (int b = interactions.rowStart(row); b < end; b++) {
                    g[offset + interactions.itemAt(b)] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            g[i * n + i] += lambda;
        }
        // EJML's block Cholesky inverts about twice as fast as its row-major solver at this size (18 s vs 29 s
        // for 3,619 items on a busy 2-core machine), so the matrix takes a detour through the block layout.
        DMatrixRBlock block = MatrixOps_DDRB.convert(gram, EjmlParameters.BLOCK_WIDTH);
        CholeskyOuterSolver_MT_DDRB solver = new CholeskyOuterSolver_MT_DDRB();
        if (!solver.setA(block)) {
            throw new TrainingException("ease: G + lambda I is not positive definite for lambda " + lambda
                    + " (" + n + " items); use a larger lambda");
        }
        DMatrixRBlock blockInverse = new DMatrixRBlock(n, n, EjmlParameters.BLOCK_WIDTH);
        solver.invert(blockInverse);
        MatrixOps_DDRB.convert(blockInverse, gram);
        double[] p = gram.data;
        float[] weights = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weights[i * n + j] = i == j ? 0f : (float) (-p[i * n + j] / p[j * n + j]);
            }
        }
        for (float w : weights) {
            if (!Float.isFinite(w)) {
                throw new TrainingException("ease produced a non-finite weight for lambda " + lambda
                        + "; the Gram matrix is ill-conditioned, use a larger lambda");
            }
        }
        return new EaseModel(interactions.itemIds(), interactions.customersPerItem(), lambda, weights);
    }

    @Override
    double[] scores(int[] history) {
        int n = itemCount();
        double[] scores = new double[n];
        // Scoring streams one weight row per history item from memory (the matrix is far larger than the caches),
        // so it is bound by bandwidth and by passes over the accumulator: four rows per pass cut a 354-item
        // history from 0.9 to 0.6 ms. A sum of two floats is exact in double, so only one rounding per pass remains.
        int p = 0;
        for (; p + 3 < history.length; p += 4) {
            int a = history[p] * n;
            int b = history[p + 1] * n;
            int c = history[p + 2] * n;
            int d = history[p + 3] * n;
            for (int j = 0; j < n; j++) {
                scores[j] += ((double) weights[a + j] + weights[b + j]) + ((double) weights[c + j] + weights[d + j]);
            }
        }
        for (; p < history.length; p++) {
            int offset = history[p] * n;
            for (int j = 0; j < n; j++) {
                scores[j] += weights[offset + j];
            }
        }
        return scores;
    }

    @Override
    public void save(ArtifactWriter payload) {
        ModelPayload.write(payload, EaseModelProvider.NAME, EaseModelProvider.PAYLOAD_VERSION, itemIds(),
                popularity(), out -> {
                    out.writeDouble((Double) info().hyperparameters().get("lambda"));
                    byte[] buffer = new byte[4 * 8192];
                    for (int start = 0; start < weights.length; start += 8192) {
                        int end = Math.min(weights.length, start + 8192);
                        for (int k = start; k < end; k++) {
                            int bits = Float.floatToRawIntBits(weights[k]);
                            int at = 4 * (k - start);
                            buffer[at] = (byte) (bits >>> 24);
                            buffer[at + 1] = (byte) (bits >>> 16);
                            buffer[at + 2] = (byte) (bits >>> 8);
                            buffer[at + 3] = (byte) bits;
                        }
                        out.write(buffer, 0, 4 * (end - start));
                    }
                });
    }

    static EaseModel load(ArtifactReader reader) {
        return ModelPayload.read(reader, EaseModelProvider.NAME, EaseModel::readSection);
    }

    private static EaseModel readSection(DataInputStream in, String[] itemIds, int[] popularity) throws IOException {
        double lambda = in.readDouble();
        if (!Double.isFinite(lambda) || lambda <= 0) {
            throw ModelPayload.corrupt(EaseModelProvider.NAME, "lambda " + lambda + " is not a finite number > 0");
        }
        int n = itemIds.length;
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw ModelPayload.corrupt(EaseModelProvider.NAME, "item count " + n + " is too large for a dense matrix");
        }
        float[] weights = new float[n * n];
        byte[] buffer = new byte[4 * 8192];
        for (int start = 0; start < weights.length; start += 8192) {
            int end = Math.min(weights.length, start + 8192);
            in.readFully(buffer, 0, 4 * (end - start));
            for (int k = start; k < end; k++) {
                int at = 4 * (k - start);
                int bits = (buffer[at] & 0xff) << 24 | (buffer[at + 1] & 0xff) << 16 | (buffer[at + 2] & 0xff) << 8
                        | (buffer[at + 3] & 0xff);
                weights[k] = Float.intBitsToFloat(bits);
                if (!Float.isFinite(weights[k])) {
                    throw ModelPayload.corrupt(EaseModelProvider.NAME, "weight " + weights[k] + " is not finite");
                }
            }
        }
        return new EaseModel(itemIds, popularity, lambda, weights);
    }
}
