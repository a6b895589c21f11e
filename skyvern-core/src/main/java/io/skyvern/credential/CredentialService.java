package io.skyvern.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.Json;
import io.skyvern.common.SkyvernException;
import io.skyvern.crypto.SecretVault;
import io.skyvern.totp.Base32;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Stores, lists and deletes an organisation's credentials. Secret values are encrypted before they
 * reach the repository (bound to organisation and id) and leave only through {@link #reveal}, for a
 * run. Deleting a credential tells {@code onDeleted} (queued runs that name it fail). Thread-safe.
 */
public final class CredentialService {
    public static final int MAX_NAME = 200;
    public static final int MAX_VALUE = 4000;
    public static final int MAX_DOMAINS = 50;
    private static final Pattern DOMAIN = Pattern.compile("(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9-]{0,62})?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62})?)*\\.?|\\d{1,3}(\\.\\d{1,3}){3}|\\[?[0-9A-Fa-f:]+]?");
    private static final Pattern CREDENTIAL_ID = Pattern.compile("cred_[A-Za-z0-9_-]{1,60}");

    private final CredentialRepository repository;
    private final SecretVault vault;
    private final Clock clock;
    private final IdGenerator ids;
    private final BiConsumer<String, String> onDeleted;

    public CredentialService(CredentialRepository repository, SecretVault vault, Clock clock, IdGenerator ids,
                             BiConsumer<String, String> onDeleted) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.onDeleted = Objects.requireNonNull(onDeleted, "onDeleted");
    }

    public Credential create(String organizationId, NewCredential request) {
        Objects.requireNonNull(organizationId, "organizationId");
        List<String> domains = validate(request);
        String id = ids.next(IdPrefix.CREDENTIAL);
        ObjectNode values = Json.mapper().createObjectNode().put("username", request.username())
                .put("password", request.password());
        request.totpSecret().ifPresent(s -> values.put("totp_secret", s.trim()));
        String ciphertext = vault.cipher().encrypt(values.toString(), aad(organizationId, id));
        Credential credential = new Credential(id, organizationId, request.name().trim(), domains,
                request.totpSecret().isPresent(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        repository.insert(new StoredCredential(credential, ciphertext));
        return credential;
    }

    public List<Credential> list(String organizationId) {
        return repository.list(organizationId);
    }

    public Optional<Credential> find(String organizationId, String credentialId) {
        if (credentialId == null || !CREDENTIAL_ID.matcher(credentialId).matches()) {
            return Optional.empty();
        }
        return repository.find(organizationId, credentialId).map(StoredCredential::credential);
    }

    /** The credential or CREDENTIAL_NOT_FOUND. */
    public Credential get(String organizationId, String credentialId) {
        return find(organizationId, credentialId).orElseThrow(() ->
                SkyvernException.notFound(ErrorCode.CREDENTIAL_NOT_FOUND, "Credential", credentialId));
    }

    /** Deletes it (CREDENTIAL_NOT_FOUND when absent); queued runs naming it fail. */
    public void delete(String organizationId, String credentialId) {
        get(organizationId, credentialId);
        if (!repository.delete(organizationId, credentialId)) {
            throw SkyvernException.notFound(ErrorCode.CREDENTIAL_NOT_FOUND, "Credential", credentialId);
        }
        onDeleted.accept(organizationId, credentialId);
    }

    /** The decrypted values for a run; empty when the credential was deleted. */
    public Optional<CredentialSecrets> reveal(String organizationId, String credentialId) {
        if (credentialId == null || !CREDENTIAL_ID.matcher(credentialId).matches()) {
            return Optional.empty();
        }
        return repository.find(organizationId, credentialId).map(stored -> open(organizationId, stored));
    }

    private CredentialSecrets open(String organizationId, StoredCredential stored) {
        Credential c = stored.credential();
        String plain = vault.cipher().decrypt(stored.ciphertext(), aad(organizationId, c.credentialId()))
                .orElseThrow(() -> new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The credential "
                        + c.credentialId() + " cannot be decrypted with this node's encryption key"));
        JsonNode values;
        try {
            values = Json.mapper().readTree(plain);
        } catch (java.io.IOException e) {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "The credential " + c.credentialId()
                    + " holds an unreadable value");
        }
        return new CredentialSecrets(c.credentialId(), values.path("username").asText(),
                values.path("password").asText(), Optional.ofNullable(values.get("totp_secret")).map(JsonNode::asText),
                c.allowedDomains());
    }

    private static String aad(String organizationId, String credentialId) {
        return "credential/" + organizationId + "/" + credentialId;
    }

    private static List<String> validate(NewCredential r) {
        List<String> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank() || r.name().length() > MAX_NAME) {
            errors.add("name: required, at most " + MAX_NAME + " characters");
        }
        if (r.username() == null || r.username().isEmpty() || r.username().length() > MAX_VALUE) {
            errors.add("username: required, at most " + MAX_VALUE + " characters");
        }
        if (r.password() == null || r.password().isEmpty() || r.password().length() > MAX_VALUE) {
            errors.add("password: required, at most " + MAX_VALUE + " characters");
        }
        r.totpSecret().ifPresent(secret -> {
            try {
                if (secret.length() > 512 || Base32.decode(secret).length < 10) {
                    errors.add("totp_secret: must be a Base32 secret of at least 16 characters");
                }
            } catch (IllegalArgumentException e) {
                errors.add("totp_secret: " + e.getMessage());
            }
        });
        List<String> domains = new ArrayList<>();
        if (r.allowedDomains().size() > MAX_DOMAINS) {
            errors.add("allowed_domains: at most " + MAX_DOMAINS + " domains");
        }
        for (String d : r.allowedDomains()) {
            if (d == null || d.isBlank() || d.length() > 253 || !DOMAIN.matcher(d.trim()).matches()) {
                errors.add("allowed_domains: '" + (d == null ? "null" : d.length() > 80 ? d.substring(0, 80) : d)
                        + "' is not a host name");
            } else {
                domains.add(d.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "The credential is not valid", errors);
        }
        return domains;
    }
}
