package io.hostreach.extraction.run;

/** The life of an extraction run, as the public API reports it. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED
}
