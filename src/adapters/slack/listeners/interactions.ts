import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTION_PREFIX, parseButtonValue } from "../blocks/buttons.js";
import { DESIGN_VIEW, readDesignSubmission } from "../blocks/modal.js";
import { receivedAt, type ListenerDeps } from "./shared.js";
import { startDesignThread, UNAVAILABLE } from "./start-thread.js";

/** Buttons act in their thread like typing their words; the form's submission starts a thread. */
export function registerInteractions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond, context }) => {
    const arrived = receivedAt(context);
    deps.metrics?.eventReceived("slack", "button");
    await ack();
    const value = parseButtonValue(action.value);
    const team = body.team?.id ?? body.user.team_id;
    if (!value || !team) {
      deps.log("ignored a button whose value does not name a thread");
      return;
    }
    const messageTs = body.message?.ts;
    try {
      await deps.intake({
        key: { platform: "slack", workspace: team, channel: value.channel, thread: value.thread },
        user: body.user.id,
        text: "",
        action: value.action,
        // One click: the clicked message, the button and the click's own time.
        eventId: `action:${messageTs ?? value.thread}:${action.action_id}:${action.action_ts}`,
        ...(messageTs ? { reactTs: messageTs } : {}),
        receivedAt: arrived,
      });
    } catch (error) {
      deps.log(`could not queue a button: ${error instanceof Error ? error.message : String(error)}`);
      deps.background("tell the user", async () => {
        await respond({ response_type: "ephemeral", replace_original: false, text: UNAVAILABLE }).catch(() => undefined);
      });
    }
  });

  app.view(DESIGN_VIEW, async ({ ack, body, view, client, context }) => {
    const arrived = receivedAt(context);
    deps.metrics?.eventReceived("slack", "form");
    const submission = readDesignSubmission(view);
    if (!submission.ok) {
      await ack({ response_action: "errors", errors: submission.errors });
      return;
    }
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? "";
    const user = body.user.id;
    // A view is submitted successfully once (the modal then closes), so its id names the submission.
    deps.background("design form", () =>
      startDesignThread(deps, client, { team, channel: submission.channel, user, request: submission.request, eventId: `form:${view.id}`, receivedAt: arrived }, async (text) => {
        // No response URL for a form: tell the user in a DM from Archie.
        await client.chat.postMessage({ channel: user, text });
      }),
    );
  });
}
