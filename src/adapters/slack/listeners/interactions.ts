import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTION_PREFIX, parseButtonValue } from "../blocks/buttons.js";
import { DESIGN_VIEW, readDesignSubmission } from "../blocks/modal.js";
import type { ListenerDeps } from "./shared.js";
import { startDesignThread } from "./start-thread.js";

/** Buttons act in their thread like typing their words; the form's submission starts a thread. */
export function registerInteractions(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action }) => {
    await ack();
    const value = parseButtonValue(action.value);
    const team = body.team?.id ?? body.user.team_id;
    if (!value || !team) {
      deps.log("ignored a button whose value does not name a thread");
      return;
    }
    const message = body.message?.ts ? { channel: value.channel, ts: body.message.ts } : undefined;
    deps.background("button", () =>
      deps.pipeline({
        key: { platform: "slack", workspace: team, channel: value.channel, thread: value.thread },
        thread: { channel: value.channel, thread: value.thread },
        user: body.user.id,
        text: "",
        action: value.action,
        ...(message ? { reactTo: message } : {}),
      }),
    );
  });

  app.view(DESIGN_VIEW, async ({ ack, body, view, client }) => {
    const submission = readDesignSubmission(view);
    if (!submission.ok) {
      await ack({ response_action: "errors", errors: submission.errors });
      return;
    }
    await ack();
    const team = body.team?.id ?? body.user.team_id ?? "";
    const user = body.user.id;
    deps.background("design form", () =>
      startDesignThread(deps, client, { team, channel: submission.channel, user, request: submission.request }, async (text) => {
        // No response URL for a form: tell the user in a DM from Archie.
        await client.chat.postMessage({ channel: user, text });
      }),
    );
  });
}
