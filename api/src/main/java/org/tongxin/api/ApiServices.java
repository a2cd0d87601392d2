package org.tongxin.api;

import java.time.Clock;
import org.tongxin.api.audit.AuditLog;
import org.tongxin.api.cypher.ReadOnlyCypher;
import org.tongxin.api.export.Exports;
import org.tongxin.api.graph.GraphQueries;
import org.tongxin.api.graph.Kinds;
import org.tongxin.api.law.LawSearch;
import org.tongxin.api.law.LawTexts;
import org.tongxin.api.law.LegalBasis;
import org.tongxin.api.lead.LeadQueries;
import org.tongxin.api.lead.Workflow;
import org.tongxin.domain.education.Education;
import org.tongxin.domain.board.Board;
import org.tongxin.api.order.Orders;
import org.tongxin.domain.observer.Classifier;
import org.tongxin.domain.observer.MediaStore;
import org.tongxin.domain.observer.Submissions;
import org.tongxin.api.search.SearchIndex;
import org.tongxin.api.security.Access;
import org.tongxin.api.security.UserStore;
import org.tongxin.api.venue.VenueMap;
import org.tongxin.ingest.mapping.Mappings;
import org.tongxin.ingest.store.GraphStore;

/** The services behind the endpoints, wired once over one graph store. */
public record ApiServices(GraphStore store, ApiOptions options, Kinds kinds, GraphQueries graph, LeadQueries leads,
                          Workflow workflow, SearchIndex search, ReadOnlyCypher cypher, VenueMap venues,
                          Exports exports, LawTexts laws, LawSearch lawSearch, Access access, Submissions submissions, Orders orders, Board board, Education education) {

    public static ApiServices over(GraphStore store, ApiOptions options) {
        Kinds kinds = new Kinds(Mappings.bundled());
        GraphQueries graph = new GraphQueries(store, kinds);
        LawTexts laws = LawTexts.bundled();
        LeadQueries leads = new LeadQueries(store, kinds, new LegalBasis(laws));
        Education education = new Education(store);
        education.seed();
        return new ApiServices(store, options, kinds, graph, leads, new Workflow(store, leads::invalidate), new SearchIndex(store),
                new ReadOnlyCypher(store, graph, new ReadOnlyCypher.Limits(options.cypherTimeout(), options.cypherRowCap())),
                new VenueMap(store), new Exports(leads, graph, kinds, options.letterhead()), laws, new LawSearch(laws),
                new Access(new UserStore(options.stateDir()), new AuditLog(options.stateDir()), Clock.systemUTC()),
                new Submissions(store, new MediaStore(options.stateDir(), options.uploadBytesPerDay(), Clock.systemUTC()),
                        Classifier.bundled(), Clock.systemUTC()),
                new Orders(store, laws), new Board(options.stateDir(), Clock.systemUTC()), education);
    }
}
