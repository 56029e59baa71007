import type { types } from "@slack/bolt";
import { decodeSlackText } from "../text.js";

/** The /design form: what is being built, traffic, budget and optional notes. */

export const DESIGN_VIEW = "archie_design";

const FIELDS = {
  what: { label: "What are you building?", placeholder: "a food-delivery app with live courier tracking", maxLength: 300, optional: false, multiline: false },
  traffic: { label: "Expected traffic", placeholder: "50k daily users, 3x at lunch peaks", maxLength: 200, optional: false, multiline: false },
  budget: { label: "Monthly budget", placeholder: "$5k/month", maxLength: 100, optional: false, multiline: false },
  notes: { label: "Anything else? (optional)", placeholder: "EU only, PostgreSQL, p95 under 300 ms…", maxLength: 1000, optional: true, multiline: true },
} as const;

type Field = keyof typeof FIELDS;
const ORDER: Field[] = ["what", "traffic", "budget", "notes"];

function input(field: Field): types.InputBlock {
  const spec = FIELDS[field];
  return {
    type: "input",
    block_id: field,
    optional: spec.optional,
    label: { type: "plain_text", text: spec.label },
    element: {
      type: "plain_text_input",
      action_id: "value",
      multiline: spec.multiline,
      max_length: spec.maxLength,
      placeholder: { type: "plain_text", text: spec.placeholder },
    },
  };
}

export function designModal(channel: string): types.ModalView {
  return {
    type: "modal",
    callback_id: DESIGN_VIEW,
    title: { type: "plain_text", text: "Design an architecture" },
    submit: { type: "plain_text", text: "Design it" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify({ channel }),
    blocks: ORDER.map(input),
  };
}

export type DesignSubmission = { ok: true; channel: string; request: string } | { ok: false; errors: Record<string, string> };

type ViewState = Record<string, Record<string, { value?: string | null }>>;

/** Reads a submitted form into one request, or the per-field errors Slack shows inline. */
export function readDesignSubmission(view: { private_metadata?: string; state?: { values?: ViewState } }): DesignSubmission {
  const values = view.state?.values ?? {};
  const get = (field: Field) => decodeSlackText(values[field]?.value?.value ?? "").replace(/\s+/g, " ").trim();
  const errors: Record<string, string> = {};
  for (const field of ORDER) {
    if (!FIELDS[field].optional && !get(field)) errors[field] = "Please fill this in.";
  }
  let channel = "";
  try {
    const meta: unknown = JSON.parse(view.private_metadata ?? "");
    if (typeof meta === "object" && meta !== null && typeof (meta as { channel?: unknown }).channel === "string") channel = (meta as { channel: string }).channel;
  } catch {
    // Handled below: without the channel there is nowhere to post.
  }
  if (!channel) errors.what = "This form lost track of its channel; run /design again.";
  if (Object.keys(errors).length) return { ok: false, errors };
  const notes = get("notes");
  const request = `${get("what")}. Traffic: ${get("traffic")}. Budget: ${get("budget")}.${notes ? ` ${notes}` : ""}`;
  return { ok: true, channel, request };
}
