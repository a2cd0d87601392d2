package org.tongxin.analytics.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tongxin.analytics.engine.Engine;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.lead.Lead;
import org.tongxin.analytics.lead.LeadFacts;
import org.tongxin.analytics.model.Models;
import org.tongxin.analytics.store.LeadStore;
import org.tongxin.ingest.store.GraphStore;

/** Runs every model on one engine, writes the facts into the summaries and stores the leads in the graph. */
public final class ModelRun {

    /** What one model did. */
    public record ModelOutcome(Model model, List<Lead> leads, LeadStore.Outcome stored, double seconds) {
        public ModelOutcome {
            leads = List.copyOf(leads);
        }
    }

    private ModelRun() {
    }

    /** Runs the models in their fixed order; {@code each} sees each outcome as soon as it is stored. */
    public static List<ModelOutcome> all(GraphStore store, Engine engine, LocalDate asOf, Consumer<ModelOutcome> each) {
        LeadStore leads = new LeadStore(store);
        List<ModelOutcome> out = new ArrayList<>();
        for (Model m : Models.all()) {
            long t0 = System.nanoTime();
            List<Lead> found = LeadFacts.withFacts(store, engine.leads(m, asOf));
            LeadStore.Outcome o = leads.save(m.id(), found, asOf, engine.name());
            ModelOutcome outcome = new ModelOutcome(m, found, o, (System.nanoTime() - t0) / 1e9);
            each.accept(outcome);
            out.add(outcome);
        }
        return List.copyOf(out);
    }
}
