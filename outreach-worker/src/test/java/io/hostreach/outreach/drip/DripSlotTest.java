package io.hostreach.outreach.drip;

import io.hostreach.outreach.support.OutreachFixture;
import io.hostreach.outreach.support.QuarkusOutreachTest;
import io.hostreach.outreach.support.TestCampaign;
import io.hostreach.outreach.support.TestLead;
import io.hostreach.outreach.support.TestPhones;
import io.hostreach.outreach.support.WireMockResource;
import io.hostreach.testing.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * csv_import drip: enrolled leads wait for scheduled slots, which release {@code batchSize} each, oldest
 * first, once per slot whatever the replicas and restarts; a slot missed while down is not made up.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = WireMockResource.class, scope = TestResourceScope.GLOBAL)
class DripSlotTest extends QuarkusOutreachTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @Inject
    DripScheduler drip;

    /** Another bean instance, as a second replica would have: same database, own transactions. */
    @Inject
    io.hostreach.outreach.window.SendWindowPolicy windows;

    @Inject
    io.hostreach.outreach.send.Dispatcher dispatcher;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    /** Twelve hours away from now, so the real-time ticks never find this slot open while the test runs. */
    private static final int SLOT_HOUR = (ZonedDateTime.now(MADRID).getHour() + 12) % 24;

    private static Instant at(LocalDate day, int minute) {
        return day.atTime(SLOT_HOUR, minute).atZone(MADRID).toInstant();
    }

    private TestCampaign dripCampaign(int batchSize) {
        TestCampaign campaign = new TestCampaign().manual().textStep("Hola {{name}}", 0);
        campaign.platform = "csv_import";
        campaign.segmentation.removeAll();
        campaign.segmentation.put("batchSize", batchSize);
        campaign.settings.put("scheduledHours", String.valueOf(SLOT_HOUR));
        campaign.settings.put("scheduledDays", "1,2,3,4,5,6,7");
        return fixture.publish(campaign);
    }

    private List<TestLead> enrol(TestCampaign campaign, int count) {
        List<TestLead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestLead lead = new TestLead(campaign, TestPhones.spanishMobile());
            lead.source = "csv";
            lead.advertiserType = "unknown";
            fixture.capture(lead);
            // One after another, so their enrolment order is the file's order.
            assertEquals("ACTIVE", fixture.awaitEnrolment(lead));
            leads.add(lead);
        }
        return leads;
    }

    private long firstMessages(TestCampaign campaign) {
        return rows.count("select count(*) from outreach_message where campaign_id = ? and step = 1", campaign.id);
    }

    private boolean released(TestLead lead) {
        return fixture.message(lead, 1) != null;
    }

    private int release(DripScheduler scheduler, Instant now) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> scheduler.releaseAt(now));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Test
    void eachSlotReleasesTheNextBatchOldestFirstOnceWhateverTheReplicas() throws Throwable {
        TestCampaign campaign = dripCampaign(3);
        List<TestLead> leads = enrol(campaign, 8);
        // Enrolled, but nobody is contacted before a slot opens.
        assertEquals(0, firstMessages(campaign));

        // Two replicas release the same slot at the same moment: 3 leads, not 6.
        DripScheduler second = new DripScheduler(windows, dispatcher, mapper, java.time.Clock.systemUTC(),
                java.time.Duration.ofHours(1));
        LocalDate day = LocalDate.now(MADRID).minusDays(10);
        Instant slotOpen = at(day, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> replicas = List.of(drip, second).stream().<Callable<Integer>>map(replica -> () -> {
            start.await();
            return release(replica, slotOpen);
        }).toList();
        List<Future<Integer>> results = new ArrayList<>();
        for (Callable<Integer> r : replicas) {
            results.add(pool.submit(r));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : results) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(3, total);
        assertEquals(3, firstMessages(campaign));
        assertEquals(List.of(true, true, true, false, false, false, false, false), leads.stream().map(this::released).toList(),
                "the oldest enrolled leads go first");
        assertEquals(1, rows.count("select count(*) from drip_slot where campaign_id = ?", campaign.id));

        // A restart later in the same slot releases nothing more.
        assertEquals(0, release(drip, at(day, 40)));
        assertEquals(3, firstMessages(campaign));

        // The next day's slot passes while the service is down; it comes back after it: nothing is made up...
        assertEquals(0, release(drip, at(day.plusDays(1), 0).plusSeconds(2 * 3600)));
        // ...and the slot after that releases one batch, not two.
        assertEquals(3, release(second, at(day.plusDays(2), 1)));
        assertEquals(6, firstMessages(campaign));
        assertEquals(List.of(true, true, true, true, true, true, false, false), leads.stream().map(this::released).toList());

        // The last two; then slots have nobody left to release.
        assertEquals(2, release(drip, at(day.plusDays(3), 0)));
        assertEquals(0, release(drip, at(day.plusDays(4), 0)));
        assertEquals(8, firstMessages(campaign));
    }

    @Test
    void aLeadImportedDuringAnOpenSlotTopsItUpToTheBatchSizeNeverBeyond() throws Throwable {
        TestCampaign campaign = dripCampaign(5);
        enrol(campaign, 2);
        LocalDate day = LocalDate.now(MADRID).minusDays(20);
        assertEquals(2, release(drip, at(day, 1)));
        enrol(campaign, 6);
        assertEquals(3, release(drip, at(day, 30)));
        assertEquals(0, release(drip, at(day, 50)));
        assertEquals(5, firstMessages(campaign));
    }

    @Test
    void pausedOrOtherCampaignsReleaseNothingAndNonDripCampaignsAreContactedAtOnce() throws Throwable {
        TestCampaign paused = dripCampaign(5);
        enrol(paused, 2);
        fixture.publish(paused.status("paused"));
        LocalDate day = LocalDate.now(MADRID).minusDays(30);
        release(drip, at(day, 1));
        assertEquals(0, firstMessages(paused));

        // A portal campaign's lead gets its first message at enrolment, as before.
        TestCampaign portal = fixture.publish(new TestCampaign().manual().textStep("Hola", 0));
        TestLead lead = fixture.capture(new TestLead(portal, TestPhones.spanishMobile()));
        await().atMost(OutreachFixture.WAIT).until(() -> fixture.message(lead, 1) != null);
    }
}
