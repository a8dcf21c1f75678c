package io.hostreach.campaign.platform;

import io.hostreach.campaign.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.hostreach.campaign.support.Api.PREFIX;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

/**
 * The catalogue endpoints relay to extraction-worker, which is not running in these tests (its URL points at a
 * closed port): whatever is not a portal must be answered here, and the worker's absence is a 503, never a 500.
 */
@QuarkusTest
class PlatformResourceTest {

    private String key;

    @BeforeEach
    void workspace() {
        key = Api.testKey();
    }

    @Test
    void anythingThatIsNotAPortalIsA404WithoutAskingTheWorker() {
        for (String platform : new String[] {"csv_import", "widget", "nope", "a".repeat(300)}) {
            Api.as(key).get(PREFIX + "/platforms/" + platform + "/filters").then().statusCode(404)
                    .body("statusCode", is(404)).body("message", containsString("Unknown platform"))
                    .body("message", containsString("idealista")).body("message.length()", lessThan(200));
            Api.as(key).get(PREFIX + "/platforms/" + platform + "/locations?q=valencia").then().statusCode(404)
                    .body("message", containsString("Unknown platform"));
        }
    }

    @Test
    void aPortalIsAskedOfTheWorkerAndItsAbsenceIsA503() {
        Api.as(key).get(PREFIX + "/platforms/idealista/filters").then().statusCode(503)
                .body("statusCode", is(503)).body("message", containsString("unavailable"));
    }
}
