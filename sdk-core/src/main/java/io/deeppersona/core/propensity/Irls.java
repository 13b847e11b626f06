package io.deeppersona.core.propensity;

import io.deeppersona.api.error.TrainingException;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * L2-regularised logistic regression by iteratively reweighted least squares (Newton's method): each step solves
 * {@code (X'WX + l2 I') delta = X'(y - p) - l2 w'} by Cholesky, where {@code I'} and {@code w'} leave the intercept
 * (column 0) unpenalised. The objective is strictly convex once {@code l2 > 0}, so Newton converges in a handful
 * of steps; the intercept gets a 1e-9 ridge only so that a column of zeros cannot make the system singular.
 */
final class Irls {
    private Irls() {
    }

    /** The fitted weights and how many Newton steps it took. */
    record Result(double[] weights, int iterations, boolean converged) {
    }

    static Result fit(List<DesignEncoder.Row> rows, float[] labels, int width, double l2, int maxIterations,
            double tolerance) {
        double[] weights = new double[width];
        double[] gradient = new double[width];
        DMatrixRMaj hessian = new DMatrixRMaj(width, width);
        DMatrixRMaj step = new DMatrixRMaj(width, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(width);
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            hessian.zero();
            double[] h = hessian.data;
            for (int i = 0; i < rows.size(); i++) {
                DesignEncoder.Row row = rows.get(i);
                double p = sigmoid(dot(row, weights));
                double residual = labels[i] - p;
                double weight = Math.max(p * (1 - p), 1e-12);
                int[] columns = row.columns();
                double[] values = row.values();
                for (int a = 0; a < columns.length; a++) {
                    gradient[columns[a]] += residual * values[a];
                    double scaled = weight * values[a];
                    int base = columns[a] * width;
                    for (int b = 0; b < columns.length; b++) {
                        h[base + columns[b]] += scaled * values[b];
                    }
                }
            }
            for (int column = 0; column < width; column++) {
                double penalty = column == 0 ? 1e-9 : l2;
                h[column * width + column] += penalty;
                gradient[column] -= penalty * weights[column];
            }
            if (!solver.setA(hessian)) {
                throw new TrainingException("logistic-regression: the Newton system is not positive definite at "
                        + "step " + iteration + "; raise option 'l2' (now " + l2 + ")");
            }
            solver.solve(new DMatrixRMaj(width, 1, true, gradient), step);
            double largest = 0;
            for (int column = 0; column < width; column++) {
                weights[column] += step.data[column];
                largest = Math.max(largest, Math.abs(step.data[column]));
            }
            if (!Double.isFinite(largest)) {
                throw new TrainingException("logistic-regression diverged at Newton step " + iteration
                        + "; raise option 'l2' (now " + l2 + ")");
            }
            if (largest < tolerance) {
                return new Result(weights, iteration, true);
            }
        }
        return new Result(weights, maxIterations, false);
    }

    static double dot(DesignEncoder.Row row, double[] weights) {
        double sum = 0;
        int[] columns = row.columns();
        double[] values = row.values();
        for (int a = 0; a < columns.length; a++) {
            sum += weights[columns[a]] * values[a];
        }
        return sum;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }
}
