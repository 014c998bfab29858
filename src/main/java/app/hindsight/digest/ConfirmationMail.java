package app.hindsight.digest;

/**
 * What the confirmation mail says: fixed text, the cadence (one of two words), and the link that turns the digest on.
 * Nothing a client wrote goes into it (not the address, speakers or topics): it goes to an address nobody has
 * confirmed yet, which must not become a way to mail anyone text of one's choosing. The page the link opens shows
 * what was asked for.
 */
public record ConfirmationMail(String cadence, String confirmUrl, String expires, String siteUrl) {}
