/** Reading Archie's Block Kit payloads back in tests. */

interface ButtonElement {
  text: { text: string };
  action_id: string;
  value: string;
}

/** The button with this label among a message's blocks; throws when there is none. */
export function buttonOf(blocks: unknown, label: string): { action_id: string; value: string } {
  const list = (Array.isArray(blocks) ? blocks : []) as { type: string; elements?: ButtonElement[] }[];
  const found = list.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : [])).find((e) => e.text.text === label);
  if (!found) throw new Error(`no button "${label}"`);
  return { action_id: found.action_id, value: found.value };
}

/** Every button label among a message's blocks, in order. */
export function buttonLabels(blocks: unknown): string[] {
  const list = (Array.isArray(blocks) ? blocks : []) as { type: string; elements?: ButtonElement[] }[];
  return list.flatMap((b) => (b.type === "actions" ? (b.elements ?? []).map((e) => e.text.text) : []));
}
