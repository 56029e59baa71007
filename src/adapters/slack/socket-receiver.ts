import type { App, Receiver, ReceiverEvent, SocketModeReceiver } from "@slack/bolt";

/**
 * Socket Mode, acknowledged as HTTP is with processBeforeResponse: only once the listener has
 * returned. Bolt's App acknowledges an Events API envelope before its listener runs, and
 * SocketModeReceiver sends that ack on the socket at once, so a mention whose turn could not be
 * queued was acknowledged anyway: Slack never delivered it again and the user heard nothing.
 *
 * Here the listener's ack() only records its response; it goes out once app.processEvent has
 * resolved. If processEvent throws, nothing is sent and the error goes on to the inner receiver's
 * processEventErrorHandler, as before. Bolt's default one (defaultProcessEventErrorHandler)
 * acknowledges only an AuthorizationError (no installation: another delivery cannot help) and
 * leaves every other error unacknowledged, so Slack delivers the envelope again (retry_attempt).
 */
export class AckAfterListenerReceiver implements Receiver {
  constructor(private readonly inner: SocketModeReceiver) {}

  init(app: App): void {
    const processEvent = async (event: ReceiverEvent): Promise<void> => {
      const responses: unknown[] = [];
      await app.processEvent({
        ...event,
        ack: async (response?: unknown) => {
          responses.push(response);
        },
      });
      // Every call is passed on, in order: the first is the ack, a second one gets Bolt's warning as before.
      for (const response of responses) await event.ack(response);
    };
    // SocketModeReceiver only ever calls app.processEvent (its 'slack_event' handler), so it is
    // handed an App that is only that: the one cast, from that part to the whole App type.
    this.inner.init(({ processEvent } satisfies Pick<App, "processEvent">) as App);
  }

  start(): Promise<unknown> {
    return this.inner.start();
  }

  stop(): Promise<unknown> {
    return this.inner.stop();
  }
}
