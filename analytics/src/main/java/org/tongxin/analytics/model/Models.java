package org.tongxin.analytics.model;

import java.util.List;
import java.util.Optional;
import org.tongxin.analytics.engine.Model;
import org.tongxin.analytics.model.comprehensive.ComprehensiveModel;
import org.tongxin.analytics.model.employment.EmploymentCheckModel;
import org.tongxin.analytics.model.guardianship.GuardianshipModel;
import org.tongxin.analytics.model.mandatory.MandatoryReportModel;
import org.tongxin.analytics.model.schoolbus.SchoolBusModel;
import org.tongxin.analytics.model.venue.VenueModel;

/** Every model that raises leads, in the order of models.md. */
public final class Models {

    private static final List<Model> ALL = List.of(new ComprehensiveModel(), new MandatoryReportModel(),
            new EmploymentCheckModel(), new SchoolBusModel(), new VenueModel(), new GuardianshipModel());

    private Models() {
    }

    public static List<Model> all() {
        return ALL;
    }

    public static Optional<Model> byId(String id) {
        return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
    }
}
