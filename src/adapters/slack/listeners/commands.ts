import type { App } from "@slack/bolt";
import { helpMessage } from "../blocks/command.js";
import { designModal } from "../blocks/modal.js";
import { decodeSlackText } from "../text.js";
import { receivedAt, type ListenerDeps } from "./shared.js";
import { startDesignThread } from "./start-thread.js";

/** `/design <request>` starts a thread; `/design` alone opens the form; `/design help` explains, privately. */
export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command("/design", async ({ command, ack, client, respond, context }) => {
    const arrived = receivedAt(context);
    deps.metrics?.eventReceived("slack", "command");
    const request = decodeSlackText(command.text ?? "").trim();
    if (/^(help|\?|-h|--help)$/i.test(request)) {
      await ack(helpMessage());
      return;
    }
    await ack();
    const tellUser = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    if (!request) {
      // The trigger id expires three seconds after the command: open the form straight away.
      deps.background("open design form", async () => {
        try {
          await client.views.open({ trigger_id: command.trigger_id, view: designModal(command.channel_id) });
        } catch (error) {
          deps.log(`could not open the design form: ${error instanceof Error ? error.message : String(error)}`);
          await tellUser("I couldn't open the form; try `/design <what you are building, traffic, budget>` instead.").catch(() => undefined);
        }
      });
      return;
    }
    // The root message is a Slack call that may be slow, so it and the queueing run after the ack;
    // Slack does not redeliver commands, so a failure is told to the user instead.
    deps.background("design command", () =>
      startDesignThread(
        deps,
        client,
        { team: command.team_id, channel: command.channel_id, user: command.user_id, request, eventId: `command:${command.trigger_id}`, receivedAt: arrived },
        tellUser,
      ),
    );
  });
}
