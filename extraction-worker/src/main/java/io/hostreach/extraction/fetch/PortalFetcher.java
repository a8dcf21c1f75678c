package io.hostreach.extraction.fetch;

import io.hostreach.extraction.portal.PortalRequest;
import io.hostreach.extraction.portal.PortalResponse;
import io.smallrye.mutiny.Uni;

/** Turns an adapter's request into the portal's answer: over HTTP for live runs, in-process for the sandbox. */
public interface PortalFetcher {

    /**
     * @return the answer, whatever its status, with {@code url} the portal URL asked for
     * @throws PortalUnavailableException (as a failure) when the portal could not be reached, retries included
     */
    Uni<PortalResponse> fetch(PortalRequest request);
}
