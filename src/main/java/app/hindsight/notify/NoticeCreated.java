package app.hindsight.notify;

/** Fired, inside the creating transaction, for each new notice; webhooks fan it out to subscriptions. */
public record NoticeCreated(Notice notice) {}
