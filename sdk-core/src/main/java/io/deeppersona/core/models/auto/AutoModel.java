package io.deeppersona.core.models.auto;

import static java.util.Objects.requireNonNull;

import io.deeppersona.api.ModelInfo;
import io.deeppersona.api.Recommendation;
import io.deeppersona.api.RecommendationQuery;
import io.deeppersona.api.artifact.ArtifactWriter;
import io.deeppersona.api.error.ArtifactException;
import io.deeppersona.api.error.PredictionException;
import io.deeppersona.core.SdkJson;
import io.deeppersona.spi.Model;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@code auto} model: one chosen component, answered as that component answers, or a weighted blend of several
 * (see {@link Blender}). Immutable apart from the closed flag; closing closes every component.
 */
final class AutoModel implements Model {
    private final ModelInfo info;
    private final List<Component> components;
    private final double[] weights;
    private final Normalisation normalisation;
    private final int blendDepth;
    private final AtomicBoolean closed = new AtomicBoolean();

    AutoModel(ModelInfo info, List<Component> components, Normalisation normalisation, int blendDepth) {
        this.info = requireNonNull(info, "info is null");
        this.components = List.copyOf(components);
        if (this.components.isEmpty()) {
            throw new IllegalArgumentException("an auto model needs at least one component");
        }
        this.weights = this.components.stream().mapToDouble(Component::weight).toArray();
        this.normalisation = requireNonNull(normalisation, "normalisation is null");
        this.blendDepth = blendDepth;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    List<Component> components() {
        return components;
    }

    @Override
    public List<Recommendation> recommend(RecommendationQuery query) {
        requireNonNull(query, "query is null");
        if (closed.get()) {
            throw new PredictionException("model 'auto' is closed; load it again to recommend");
        }
        if (components.size() == 1) {
            return components.get(0).recommend(query);
        }
        RecommendationQuery deep = new RecommendationQuery(query.customerId(), query.history(),
                Math.max(blendDepth, query.limit()), query.excludedItems());
        List<List<Recommendation>> lists = new ArrayList<>(components.size());
        for (Component component : components) {
            lists.add(component.recommend(deep));
        }
        return Blender.blend(lists, weights, normalisation, deep.limit(), query.limit());
    }

    @Override
    public void save(ArtifactWriter payload) {
        requireNonNull(payload, "payload is null");
        List<AutoPayload.Entry> entries = new ArrayList<>();
        for (Component component : components) {
            component.model().save(PrefixedArtifacts.writer(payload, AutoPayload.prefix(component.name())));
            entries.add(new AutoPayload.Entry(component.name(), component.provider(),
                    component.model().info().payloadVersion(),
                    component.weight()));
        }
        AutoPayload record = new AutoPayload(entries, normalisation.label(), blendDepth, info.hyperparameters(),
                info.validationScores());
        try {
            payload.write(AutoPayload.FILE, SdkJson.json().writeValueAsBytes(record));
        } catch (IOException e) {
            throw new ArtifactException("cannot write the auto model's '" + AutoPayload.FILE + "'", e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            for (Component component : components) {
                component.model().close();
            }
        }
    }
}
