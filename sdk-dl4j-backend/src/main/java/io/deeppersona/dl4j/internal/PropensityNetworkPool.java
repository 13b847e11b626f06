package io.deeppersona.dl4j.internal;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Copies of one trained network for concurrent inference: DL4J networks keep per-call state (inputs, workspaces),
 * so a thread borrows a copy for one call and returns it. Copies are made on demand, at most one per concurrent
 * caller, and never trained.
 */
public final class PropensityNetworkPool<N> {
    private final N original;
    private final UnaryOperator<N> copier;
    private final ConcurrentLinkedDeque<N> idle = new ConcurrentLinkedDeque<>();

    public PropensityNetworkPool(N original, UnaryOperator<N> copier) {
        this.original = original;
        this.copier = copier;
        idle.push(original);
    }

    /** Runs {@code call} with a network no other thread uses meanwhile. */
    public <R> R with(Function<N, R> call) {
        N network = idle.poll();
        if (network == null) {
            network = copier.apply(original);
        }
        try {
            return call.apply(network);
        } finally {
            idle.push(network);
        }
    }

    /** Returns the network that was trained, for saving. */
    public N original() {
        return original;
    }
}
