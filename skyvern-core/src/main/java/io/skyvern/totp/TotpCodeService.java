package io.skyvern.totp;

import io.skyvern.common.ErrorCode;
import io.skyvern.common.IdGenerator;
import io.skyvern.common.IdPrefix;
import io.skyvern.common.SkyvernException;
import io.skyvern.crypto.SecretVault;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One-time codes pushed to the API for an email address or phone number ({@code totp_identifier}):
 * a code as such, or the text of the email or SMS it came in ({@link CodeFinder}). Codes are
 * stored encrypted, expire after 10 minutes and are used once: {@link #take} claims the oldest
 * unused code pushed since the run started, so two runs never type the same code. Thread-safe.
 */
public final class TotpCodeService {
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_CONTENT = 20_000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,12}");

    private final TotpCodeRepository repository;
    private final SecretVault vault;
    private final Clock clock;
    private final IdGenerator ids;
    private final Optional<CodeFinder.Chooser> chooser;

    public TotpCodeService(TotpCodeRepository repository, SecretVault vault, Clock clock, IdGenerator ids,
                           Optional<CodeFinder.Chooser> chooser) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.vault = Objects.requireNonNull(vault, "vault");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.chooser = Objects.requireNonNull(chooser, "chooser");
    }

    /** Stores a code (given, or found in {@code content}); exactly one of the two must be given. */
    public PushedCode push(String organizationId, String totpIdentifier, String code, String content) {
        List<String> errors = new ArrayList<>();
        if (totpIdentifier == null || totpIdentifier.isBlank() || totpIdentifier.length() > 320) {
            errors.add("totp_identifier: required, an email address or phone number of at most 320 characters");
        }
        if ((code == null) == (content == null)) {
            errors.add("give either code or content");
        } else if (code != null && !CODE.matcher(code.trim()).matches()) {
            errors.add("code: 4 to 12 letters or digits");
        } else if (content != null && (content.isBlank() || content.length() > MAX_CONTENT)) {
            errors.add("content: the text of the message, at most " + MAX_CONTENT + " characters");
        }
        if (!errors.isEmpty()) {
            throw new SkyvernException(ErrorCode.VALIDATION_FAILED, "The one-time code is not valid", errors);
        }
        String value = code != null ? code.trim() : CodeFinder.find(content, chooser).orElseThrow(() ->
                new SkyvernException(ErrorCode.VALIDATION_FAILED, "No one-time code could be found in the content",
                        List.of("content: no one-time code found; send it as code instead")));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = ids.next(IdPrefix.TOTP_CODE);
        PushedCode pushed = new PushedCode(id, organizationId, TotpIdentifiers.normalize(totpIdentifier), now,
                now.plus(LIFETIME));
        repository.insert(pushed, vault.cipher().encrypt(value, aad(organizationId, id)));
        return pushed;
    }

    /** Claims and returns the oldest unused, unexpired code pushed at or after {@code since}. */
    public Optional<String> take(String organizationId, String totpIdentifier, Instant since, String runId) {
        Instant now = clock.instant();
        for (TotpCodeRepository.Sealed sealed : repository.candidates(organizationId,
                TotpIdentifiers.normalize(totpIdentifier), since, now)) {
            if (repository.claim(sealed.totpCodeId(), runId, now)) {
                return vault.cipher().decrypt(sealed.ciphertext(), aad(organizationId, sealed.totpCodeId()));
            }
        }
        return Optional.empty();
    }

    private static String aad(String organizationId, String id) {
        return "totp_code/" + organizationId + "/" + id;
    }
}
