package io.skyvern.common;

/** The prefixes of every kind of identifier. */
public enum IdPrefix {
    TASK("tsk"),
    STEP("stp"),
    ACTION("act"),
    ARTIFACT("a"),
    WORKFLOW("wf"),
    WORKFLOW_RUN("wr"),
    WORKFLOW_RUN_BLOCK("wrb"),
    BROWSER_SESSION("pbs"),
    ORGANIZATION("o"),
    API_KEY("ak"),
    WEBHOOK_DELIVERY("wd"),
    LOG("log"),
    CREDENTIAL("cred"),
    TOTP_CODE("totp"),
    SCRIPT("scr");

    private final String prefix;

    IdPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
