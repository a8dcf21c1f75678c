package io.hostreach.outreach.common;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of this service's HTTP endpoints leaves as an {@link ApiError}, never as a stack trace. */
public class ApiErrorMapper {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class);

    @ServerExceptionMapper
    public RestResponse<ApiError> webApplication(WebApplicationException e) {
        return respond(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> unexpected(Exception e) {
        LOG.error("request failed", e);
        return respond(500, "Internal error");
    }

    private static RestResponse<ApiError> respond(int status, String message) {
        return RestResponse.ResponseBuilder.<ApiError>create(status)
                .entity(ApiError.of(status, message))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
