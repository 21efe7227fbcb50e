package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.LocationId;
import java.util.List;

/** The GHL pipelines of a location. */
public interface Pipelines {
    List<Pipeline> list(LocationId location);
}
