/**
 * Text crossing the Slack boundary. Inbound: Slack's encoded message text (entities, mentions,
 * links) becomes the plain words the core reads. Outbound: anything that may hold a user's words
 * is escaped so it can never ping (`<!channel>`, `<@U…>`, `<!subteam^…>`) or become a link, and
 * the report's inline Markdown becomes Slack mrkdwn.
 */

const SPECIAL_MENTION = /<!(channel|here|everyone)(?:\|[^>]*)?>/g;
const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
const CHANNEL_LINK = /<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g;
const USER_GROUP = /<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g;
const OTHER_COMMAND = /<!([^>|]+)(?:\|([^>]*))?>/g;
const LINK = /<((?:https?|mailto):[^>|]+)(?:\|([^>]*))?>/g;

/** Slack's encoded text → plain text: mentions read as @name, links as their label, entities decoded. */
export function decodeSlackText(text: string): string {
  return text
    .replace(SPECIAL_MENTION, "@$1")
    .replace(USER_GROUP, (_m, id: string, label?: string) => (label ? (label.startsWith("@") ? label : `@${label}`) : `@${id}`))
    .replace(USER_MENTION, (_m, id: string, label?: string) => `@${label || id}`)
    .replace(CHANNEL_LINK, (_m, id: string, label?: string) => `#${label || id}`)
    .replace(OTHER_COMMAND, (_m, command: string, label?: string) => label || command)
    .replace(LINK, (_m, url: string, label?: string) => label || url)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Removes the leading `<@BOT>` of a mention so the core reads only the request. */
export function stripBotMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.trim();
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>[:,]?`, "g"), " ").trim();
}

/** Does Slack's encoded text mention the bot? */
export function mentions(text: string, botUserId: string | undefined): boolean {
  return botUserId !== undefined && text.includes(`<@${botUserId}`);
}

const WORD_JOINER = "\u2060";

/**
 * Plain text → safe mrkdwn: `& < >` escaped (so no `<!channel>`, `<@U…>` or link can form) and
 * the bare words @channel/@here/@everyone broken with an invisible joiner, since some clients
 * and `link_names` still turn them into pings.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`);
}

/** Plain text for `plain_text` fields (headers, buttons, notifications): only the pings to defuse. */
export function safePlain(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${WORD_JOINER}$1`).replace(/<(?=[!@#])/g, "‹");
}

/**
 * One line of the report's inline Markdown (**bold**, `code`, _italic_, backslash escapes) →
 * Slack mrkdwn. Slack has no escape character, so an escaped marker is emitted as itself.
 */
export function inlineToMrkdwn(text: string): string {
  let out = "";
  // Plain runs are escaped whole, so "@channel" split by an escape still gets defused.
  let plain = "";
  const flush = () => {
    out += escapeMrkdwn(plain);
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === "\\" && i + 1 < text.length) {
      plain += text[i + 1] ?? "";
      i += 2;
      continue;
    }
    if (c === "`") {
      const fence = /^`+/.exec(text.slice(i))?.[0] ?? "`";
      const end = text.indexOf(fence, i + fence.length);
      if (end !== -1) {
        flush();
        // A Slack code span cannot hold a backtick; a lookalike keeps the text readable.
        const inner = text.slice(i + fence.length, end).trim().replace(/`/g, "ˋ");
        out += `\`${escapeMrkdwn(inner)}\``;
        i = end + fence.length;
        continue;
      }
      plain += fence;
      i += fence.length;
      continue;
    }
    if (text.startsWith("**", i)) {
      flush();
      out += "*";
      i += 2;
      continue;
    }
    plain += c;
    i += 1;
  }
  flush();
  return out;
}

/** Multi-line Markdown text (a text post) → mrkdwn, line by line. */
export function markdownToMrkdwn(text: string): string {
  return text
    .split("\n")
    .map((line) => inlineToMrkdwn(line.replace(/^#{1,6}\s+(.*)$/, "**$1**")))
    .join("\n");
}

/** Cuts text to `max` characters at a word boundary where there is one, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
