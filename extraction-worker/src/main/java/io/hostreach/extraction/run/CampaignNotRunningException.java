package io.hostreach.extraction.run;

/** The campaign was paused or completed while a page was being read: the page is dropped, the run stops. */
class CampaignNotRunningException extends RuntimeException {

    private final String status;

    CampaignNotRunningException(String status) {
        super("campaign is " + status);
        this.status = status;
    }

    String status() {
        return status;
    }
}
