package io.skyvern.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.skyvern.agent.PayloadSecrets;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.task.LoginSettings;

import java.util.function.BooleanSupplier;

/**
 * Where agent blocks get their secrets when they name a credential_id, totp_identifier or
 * totp_verification_url (login blocks always do). The composition root backs it with the
 * credential store; {@link #NONE} knows only the payload's secrets and refuses logins.
 */
@FunctionalInterface
public interface BlockLogins {
    /** The secrets; a {@code SkyvernException} whose message is the block's failure reason. */
    PayloadSecrets secretsFor(String organizationId, String workflowRunId, JsonNode payload, LoginSettings login,
                              BooleanSupplier stop);

    BlockLogins NONE = (org, run, payload, login, stop) -> {
        if (!login.isEmpty()) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "This engine has no credential store: "
                    + "blocks cannot sign in with credential_id or one-time codes");
        }
        return PayloadSecrets.of(payload);
    };
}
