package org.tongxin.api.venue;

import static org.tongxin.api.http.Endpoint.Param.query;
import static org.tongxin.domain.user.Role.ANALYST;
import static org.tongxin.domain.user.Role.PROSECUTOR;

import io.javalin.http.Context;
import java.util.List;
import org.tongxin.api.config.ApiOptions;
import org.tongxin.api.http.Endpoint;
import org.tongxin.api.http.Params;
import org.tongxin.domain.venue.VenueMap;

/** The venue heat map. */
public final class VenueRoutes {

    private final VenueMap venues;
    private final ApiOptions options;

    public VenueRoutes(VenueMap venues, ApiOptions options) {
        this.venues = venues;
        this.options = options;
    }

    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/api/venues", "venues", "场所分级（绿/黄/红）与坐标、辖区轮廓",
                        List.of(query("asOf", "string", "yyyy-MM-dd, default the server's date")), this::venues)
                .returns(VenueMap.MapView.class).allow(PROSECUTOR, ANALYST));
    }

    private void venues(Context ctx) {
        ctx.json(venues.of(Params.date(ctx, "asOf").orElse(options.today())));
    }
}
