// DeepPersona in JShell: a pipeline on the embedded Online Retail sample, step by step.
// Run from the repository root: sdk-examples/notebooks/run-notebook.sh
// JShell ends a snippet at the first complete line, so chained calls end their lines with '.'.
import io.deeppersona.api.*;
import io.deeppersona.core.*;
import io.deeppersona.examples.OnlineRetailSample;
import java.nio.file.*;
import java.util.*;

// 1. The data: a CC BY 4.0 subset of UCI Online Retail shipped inside sdk-examples.
Path events = OnlineRetailSample.extractTo(Files.createTempDirectory("deeppersona-notebook"));

// 2. The pipeline: read, clean, derive a catalogue from descriptions, compare two models on the last 30 days.
var pipeline = PersonalizationPipeline.builder().
        registry(PluginRegistry.discovered(OnlineRetailSample.class.getClassLoader())).
        dataSource("csv", OnlineRetailSample.csvOptions(events)).
        addPreprocessor("missing-values").
        addPreprocessor("drop-cancellations").
        addPreprocessor("non-product-items").
        addPreprocessor("dedupe-events").
        catalogueFromAttribute("Description").
        addModel("popularity", Map.of()).
        addModel("ease", Map.of("lambda", 250)).
        evaluation(EvaluationProtocol.global(30)).
        build();

// 3. Run it and look at what each stage did.
var result = pipeline.run();
result.stages().forEach(s -> System.out.printf("%-30s %,8d -> %,8d %s%n", s.stage(), s.rowsIn(), s.rowsOut(), s.dropped()));

// 4. Metrics per model, on the held-out month.
result.models().values().forEach(m -> System.out.printf("%-12s users=%d ndcg@10=%.4f hr@10=%.4f%n", m.name(), m.users(), m.metrics().get("ndcg@10"), m.metrics().get("hr@10")));

// 5. Top-5 for one customer, with titles.
String customer = result.training().customerId(result.training().customer(0));
var history = CustomerHistory.of(result.training(), customer);
var top = result.model("ease").model().recommend(new RecommendationQuery(customer, history.items(), 5, history.distinctItems()));
top.forEach(r -> System.out.println(r.itemId() + "  " + result.catalogue().titleOf(r.itemId())));

if (top.size() != 5) throw new AssertionError("expected 5 recommendations, got " + top.size());
result.close();
System.out.println("notebook finished");
/exit
