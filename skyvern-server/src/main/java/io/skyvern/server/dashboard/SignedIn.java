package io.skyvern.server.dashboard;

import io.skyvern.client.SkyvernClient;

/** A request of a signed-in session: the organisation's client and what the layout needs. */
record SignedIn(DashboardSession session, SkyvernClient client, String organizationName, String csrf) {
    Chrome chrome(String title, String section) {
        return new Chrome(title, organizationName, csrf, section);
    }
}
