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
 * B is dense (items squared floats: 52 MB for 3,619 items) and is kept as {@code float}, one array per row; scores
 * sum in {@code float} (see {@link #scores}).
 */
final class EaseModel extends ScoringModel {
    private final float[][] rows;

    EaseModel(String[] itemIds, int[] popularity, double lambda, float[][] rows) {
        super(new ModelInfo(EaseModelProvider.NAME, EaseModelProvider.PAYLOAD_VERSION, Map.of("lambda", lambda),
                Map.of()), itemIds, popularity);
        if (rows.length != itemIds.length) {
            throw new IllegalArgumentException(rows.length + " weight rows for " + itemIds.length + " items");
        }
        for (float[] row : rows) {
            if (row.length != itemIds.length) {
                throw new IllegalArgumentException("a weight row holds " + row.length + " values for "
                        + itemIds.length + " items");
            }
        }
        this.rows = rows;
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
        float[][] rows = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float w = i == j ? 0f : (float) (-p[i * n + j] / p[j * n + j]);
                if (!Float.isFinite(w)) {
                    throw new TrainingException("ease produced a non-finite weight for lambda " + lambda
                            + "; the Gram matrix is ill-conditioned, use a larger lambda");
                }
                rows[i][j] = w;
            }
        }
        return new EaseModel(interactions.itemIds(), interactions.customersPerItem(), lambda, rows);
    }

    @Override
    double[] scores(int[] history) {
        int n = itemCount();
        // Scoring adds one weight row per history item (a customer at the 99th percentile has ~350). On Java 17, C2
        // vectorises this loop only with each row in its own array and the sums in float: neither a float-to-double
        // conversion nor a load at a variable offset into one flat array is vectorised. Measured for a 300-item
        // history over 2,670 items: 287 us with double sums over a flat array, 46 us like this. Four rows per pass
        // also halve the passes over the sums and add pairwise, which keeps float's rounding error small; Java's
        // strict float semantics make the result the same with or without vectors.
        float[] sums = new float[n];
        int p = 0;
        for (; p + 3 < history.length; p += 4) {
            float[] a = rows[history[p]];
            float[] b = rows[history[p + 1]];
            float[] c = rows[history[p + 2]];
            float[] d = rows[history[p + 3]];
            for (int j = 0; j < n; j++) {
                sums[j] += (a[j] + b[j]) + (c[j] + d[j]);
            }
        }
        for (; p < history.length; p++) {
            float[] a = rows[history[p]];
            for (int j = 0; j < n; j++) {
                sums[j] += a[j];
            }
        }
        double[] scores = new double[n];
        for (int j = 0; j < n; j++) {
            scores[j] = sums[j];
        }
        return scores;
    }

    @Override
    public void save(ArtifactWriter payload) {
        ModelPayload.write(payload, EaseModelProvider.NAME, EaseModelProvider.PAYLOAD_VERSION, itemIds(),
                popularity(), out -> {
                    out.writeDouble((Double) info().hyperparameters().get("lambda"));
                    byte[] buffer = new byte[4 * itemCount()];
                    for (float[] row : rows) {
                        for (int j = 0; j < row.length; j++) {
                            int bits = Float.floatToRawIntBits(row[j]);
                            buffer[4 * j] = (byte) (bits >>> 24);
                            buffer[4 * j + 1] = (byte) (bits >>> 16);
                            buffer[4 * j + 2] = (byte) (bits >>> 8);
                            buffer[4 * j + 3] = (byte) bits;
                        }
                        out.write(buffer, 0, 4 * row.length);
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
        float[][] rows = new float[n][n];
        byte[] buffer = new byte[4 * n];
        for (float[] row : rows) {
            in.readFully(buffer, 0, 4 * n);
            for (int j = 0; j < n; j++) {
                int bits = (buffer[4 * j] & 0xff) << 24 | (buffer[4 * j + 1] & 0xff) << 16
                        | (buffer[4 * j + 2] & 0xff) << 8 | (buffer[4 * j + 3] & 0xff);
                row[j] = Float.intBitsToFloat(bits);
                if (!Float.isFinite(row[j])) {
                    throw ModelPayload.corrupt(EaseModelProvider.NAME, "weight " + row[j] + " is not finite");
                }
            }
        }
        return new EaseModel(itemIds, popularity, lambda, rows);
    }
}
