package io.skyvern.server.dashboard;

import io.skyvern.client.LocalSkyvernClient;

/** A request of a signed-in session: the organisation's in-process client and what the layout needs. */
record SignedIn(DashboardSession session, LocalSkyvernClient client, String organizationName, String csrf) {
    Chrome chrome(String title, String section) {
        return new Chrome(title, organizationName, csrf, section);
    }
}
