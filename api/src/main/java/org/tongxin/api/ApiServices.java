package org.tongxin.api;

import org.tongxin.api.config.ApiOptions;
import java.time.Clock;
import org.tongxin.domain.audit.AuditLog;
import org.tongxin.domain.cypher.ReadOnlyCypher;
import org.tongxin.domain.export.Exports;
import org.tongxin.domain.graph.GraphQueries;
import org.tongxin.domain.graph.Kinds;
import org.tongxin.domain.law.LawSearch;
import org.tongxin.domain.law.LawTexts;
import org.tongxin.domain.law.LegalBasis;
import org.tongxin.domain.lead.LeadQueries;
import org.tongxin.domain.education.Education;
import org.tongxin.domain.board.Board;
import org.tongxin.domain.observer.Classifier;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.observer.Submissions;
import org.tongxin.domain.search.SearchIndex;
import org.tongxin.api.security.Access;
import org.tongxin.domain.user.UserStore;
import org.tongxin.domain.venue.VenueMap;
import org.tongxin.domain.lead.Workflow;
import org.tongxin.domain.order.Orders;
import org.tongxin.domain.persistence.Casework;
import org.tongxin.domain.view.SavedViews;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;

/** The services behind the endpoints, wired once over one graph store. */
public record ApiServices(GraphStore store, ApiOptions options, Kinds kinds, GraphQueries graph, LeadQueries leads,
                          Workflow workflow, SearchIndex search, ReadOnlyCypher cypher, VenueMap venues,
                          Exports exports, LawTexts laws, LawSearch lawSearch, Access access, Submissions submissions, Orders orders, Board board, Education education,
                          SavedViews views) {

    public static ApiServices over(GraphStore store, ApiOptions options) {
        Kinds kinds = new Kinds(Mappings.bundled());
        GraphQueries graph = new GraphQueries(store, kinds);
        LawTexts laws = LawTexts.bundled();
        LeadQueries leads = new LeadQueries(store, kinds, new LegalBasis(laws));
        Casework casework = Casework.over(store);
        Education education = new Education(store, casework);
        education.seed();
        return new ApiServices(store, options, kinds, graph, leads, new Workflow(casework.transactions(), store.pseudonyms(), leads::invalidate), new SearchIndex(store),
                new ReadOnlyCypher(store, graph, new ReadOnlyCypher.Limits(options.cypherTimeout(), options.cypherRowCap())),
                new VenueMap(store), new Exports(leads, graph, kinds, options.letterhead()), laws, new LawSearch(laws),
                new Access(new UserStore(options.stateDir()), new AuditLog(options.stateDir()), Clock.systemUTC()),
                new Submissions(store, casework, new MediaStore(options.stateDir(), options.uploadBytesPerDay(), Clock.systemUTC()),
                        Classifier.bundled(), Clock.systemUTC()),
                new Orders(store, laws, casework), new Board(options.stateDir(), Clock.systemUTC()), education,
                new SavedViews(casework.views(), graph, store.pseudonyms(), Clock.systemUTC()));
    }
}
