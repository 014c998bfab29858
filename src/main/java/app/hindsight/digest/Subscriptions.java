package app.hindsight.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.hindsight.HindsightConfig;
import app.hindsight.notify.Notice;
import app.hindsight.shared.Conflict;
import app.hindsight.shared.NotFound;
import app.hindsight.shared.Paged;
import app.hindsight.shared.Unavailable;
import app.hindsight.shared.Validation;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Subscriptions to the digest: double opt-in (a confirmation mail with a link that works once and expires; nothing
 * else is sent before it is used), a bound on how many one token may have, and unsubscribing by the token in every
 * mail. The confirmation token is stored only as its SHA-256; the unsubscribe token, which can do nothing but end the
 * subscription, as it is sent.
 */
@ApplicationScoped
public class Subscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a confirmation or unsubscribe link found. */
    public enum LinkState {
        /** The link works: the subscription it names is in view. */
        VALID,
        /** A confirmation link whose time ran out. */
        EXPIRED,
        /** No such link, or a confirmation link already used. */
        UNKNOWN
    }

    public record Link(LinkState state, SubscriptionView subscription) {
        static final Link UNKNOWN = new Link(LinkState.UNKNOWN, null);
    }

    @Inject
    Clock clock;

    @Inject
    HindsightConfig config;

    @Inject
    Validation validation;

    @Inject
    DigestMails mails;

    @Inject
    MailOut mailOut;

    /**
     * Stores a PENDING subscription and sends its confirmation mail. The mail is sent after the subscription is
     * committed (no transaction waits on SMTP); if the SMTP server does not take it, the subscription is removed
     * again and the caller hears 503: nobody could ever confirm it.
     */
    public SubscriptionView subscribe(NewSubscription in, String actor) {
        validation.require(in);
        String token = newToken();
        Subscription s = QuarkusTransaction.requiringNew().call(() -> store(in, actor, token));
        try {
            mailOut.send(mails.confirmation(s, token));
        } catch (MailOut.NotSent e) {
            QuarkusTransaction.requiringNew().run(() -> Subscription.delete("id", s.id));
            Log.warnf("Subscription %d removed: its confirmation mail was not sent (%s)", s.id, e.getMessage());
            throw new Unavailable("the confirmation mail could not be sent; nothing was stored, try again later", 60);
        }
        Log.infof("Subscription %d (%s) created by %s; confirmation mail sent", s.id, s.cadence, actor);
        return s.toView();
    }

    private Subscription store(NewSubscription in, String actor, String token) {
        Instant now = now();
        int max = config.digest().maxPerToken();
        long open = Subscription.count(
                "createdBy = ?1 and (status = ?2 or (status = ?3 and confirmExpiresAt > ?4))",
                actor,
                SubscriptionStatus.ACTIVE,
                SubscriptionStatus.PENDING,
                now);
        if (open >= max) {
            throw new Conflict(
                    "too-many-subscriptions",
                    "this token has " + open + " subscriptions pending or active, the most one may have ("
                            + "hindsight.digest.max-per-token); an admin can delete some, or a subscriber unsubscribe");
        }
        Subscription s = new Subscription();
        s.email = in.email().strip();
        s.events = in.events() == null ? Notice.KINDS : distinct(in.events());
        s.topics = in.topics() == null ? List.of() : distinct(in.topics());
        s.speakers = in.speakers() == null
                ? List.of()
                : distinct(in.speakers().stream().map(String::strip).toList());
        s.cadence = in.cadence();
        s.status = SubscriptionStatus.PENDING;
        s.confirmHash = hash(token);
        s.confirmExpiresAt = now.plus(config.digest().confirmWithin());
        s.unsubscribeToken = newToken();
        s.createdAt = now;
        s.createdBy = actor;
        s.persistAndFlush();
        return s;
    }

    /** Oldest first, a page at a time: the ids after {@code after}; only those in {@code status} when given. */
    @Transactional
    public Paged<SubscriptionView> list(SubscriptionStatus status, long after, int limit) {
        List<Subscription> rows = status == null
                ? Subscription.<Subscription>find("id > ?1 order by id", after)
                        .range(0, limit)
                        .list()
                : Subscription.<Subscription>find("id > ?1 and status = ?2 order by id", after, status)
                        .range(0, limit)
                        .list();
        return Paged.of(rows, limit, s -> s.id).map(Subscription::toView);
    }

    /** Its digests go with it (the schema cascades). */
    @Transactional
    public void delete(long id) {
        if (Subscription.delete("id", id) == 0) {
            throw new NotFound("subscription", String.valueOf(id));
        }
        Log.infof("Subscription %d deleted", id);
    }

    /** What a confirmation link names, without using it. */
    @Transactional
    public Link confirmation(String token) {
        return pending(token).map(s -> new Link(state(s), s.toView())).orElse(Link.UNKNOWN);
    }

    /** Uses a confirmation link: the subscription is ACTIVE from now on, and the link works no more. */
    @Transactional
    public Link confirm(String token) {
        Optional<Subscription> found = pending(token);
        if (found.isEmpty()) {
            return Link.UNKNOWN;
        }
        Subscription s = found.get();
        if (state(s) == LinkState.EXPIRED) {
            return new Link(LinkState.EXPIRED, s.toView());
        }
        s.status = SubscriptionStatus.ACTIVE;
        s.confirmedAt = now();
        s.confirmHash = null;
        s.confirmExpiresAt = null;
        Log.infof("Subscription %d confirmed", s.id);
        return new Link(LinkState.VALID, s.toView());
    }

    /** What an unsubscribe link names, without using it. */
    @Transactional
    public Link unsubscription(String token) {
        return byUnsubscribeToken(token)
                .map(s -> new Link(LinkState.VALID, s.toView()))
                .orElse(Link.UNKNOWN);
    }

    /**
     * Ends the subscription the link names; its digests not yet sent are cancelled. Using the link again changes
     * nothing and says the same (mail systems may repeat a one-click POST).
     */
    @Transactional
    public Link unsubscribe(String token) {
        Optional<Subscription> found = byUnsubscribeToken(token);
        if (found.isEmpty()) {
            return Link.UNKNOWN;
        }
        Subscription s = found.get();
        if (s.status != SubscriptionStatus.UNSUBSCRIBED) {
            Instant now = now();
            s.status = SubscriptionStatus.UNSUBSCRIBED;
            s.endedAt = now;
            s.confirmHash = null;
            s.confirmExpiresAt = null;
            Digest.update(
                    "status = ?1, nextAttemptAt = null, version = version + 1 where subscriptionId = ?2 and status = ?3",
                    DigestStatus.CANCELLED,
                    s.id,
                    DigestStatus.PENDING);
            Log.infof("Subscription %d unsubscribed", s.id);
        }
        return new Link(LinkState.VALID, s.toView());
    }

    private Optional<Subscription> pending(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return Subscription.<Subscription>find(
                        "confirmHash = ?1 and status = ?2", hash(token), SubscriptionStatus.PENDING)
                .firstResultOptional();
    }

    private Optional<Subscription> byUnsubscribeToken(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return Subscription.<Subscription>find("unsubscribeToken", token).firstResultOptional();
    }

    private LinkState state(Subscription s) {
        return s.confirmExpiresAt.isAfter(now()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    /** Tokens are 43 characters of base64url; anything else names nothing, and is not looked up. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** 256 random bits, base64url: unguessable, and safe in a URL as it is. */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 in hex: the tokens are random, so a fast hash is enough. */
    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** Speakers as the digest compares them with predictions' speakers: lower case, the same in every locale. */
    static List<String> lower(List<String> speakers) {
        List<String> lower = new ArrayList<>();
        speakers.forEach(s -> lower.add(s.toLowerCase(Locale.ROOT)));
        return lower;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
