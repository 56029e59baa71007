import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { FakeGateway } from "./gateway.js";
import { guildCreate, message, snowflake, textChannel, threadChannel, dmChannel, user, member, type Attachment, type User } from "./payloads.js";
import { buttonsIn, checkMessage, invalidFormBody, textsIn, type RawComponent } from "./components.js";
import { decodeRequest, tooManyRequests, type Answer, type RecordedRequest } from "./rest.js";

/**
 * A fake Discord on 127.0.0.1 for end-to-end tests of the real discord.js client: the REST API
 * under /api/v10 and the gateway WebSocket at the address GET /gateway/bot gives out. It keeps
 * channels, threads and messages, so what Archie posted can be read back, and can inject a 429
 * or drop the gateway connection.
 */

export const TOKEN = "MTMwMDAwMDAwMDAwMDAwMDAwMA.fake.discord-test-token-0123456789";
export const APPLICATION_ID = "1300000000000000001";

export interface FakeOptions {
  heartbeatIntervalMs?: number;
  disallowMessageContent?: boolean;
}

export interface PostedMessage {
  id: string;
  channelId: string;
  content: string;
  /** IS_COMPONENTS_V2 (1 << 15) when the message is its components. */
  flags: number;
  files: string[];
  components: RawComponent[];
  /** The text displays of a Components V2 message, in order. */
  texts: string[];
  /** What a reader sees: the content, or the text displays one after another. */
  text: string;
  /** Every button, wherever it sits in the components. */
  buttons: { custom_id: string; label: string }[];
  allowedMentions: unknown;
}

type Channel = Record<string, unknown> & { id: string; type: number };

export class FakeDiscord {
  readonly bot: User = user("1300000000000000002", "Archie", true);
  readonly human: User = user("1300000000000000003", "dana");
  readonly guildId = "1300000000000000004";
  readonly channelId = "1300000000000000005";
  readonly requests: RecordedRequest[] = [];
  readonly posted: PostedMessage[] = [];
  /** Messages refused with a 400, and why. */
  readonly refused: { path: string; problems: string[] }[] = [];
  readonly gateway: FakeGateway;
  readonly channels = new Map<string, Channel>();
  private readonly interactions = new Map<string, { channelId: string; original?: ReturnType<typeof message> }>();
  private readonly refusals: { method: string; path: RegExp; answer: Answer }[] = [];
  /** Messages by channel and nonce, for enforce_nonce. */
  private readonly nonces = new Map<string, ReturnType<typeof message>>();
  private server!: Server;

  private constructor(options: FakeOptions) {
    this.channels.set(this.channelId, textChannel(this.channelId, this.guildId, "architecture"));
    this.gateway = new FakeGateway({
      token: TOKEN,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      disallowMessageContent: options.disallowMessageContent ?? false,
      onIdentify: (sessionId) => ({
        ready: {
          v: 10,
          user: this.bot,
          guilds: [{ id: this.guildId, unavailable: true }],
          session_id: sessionId,
          resume_gateway_url: this.gatewayUrl,
          shard: [0, 1],
          application: { id: APPLICATION_ID, flags: 0 },
          private_channels: [],
          relationships: [],
          presences: [],
          guild_join_requests: [],
          user_settings: {},
        },
        guilds: [guildCreate(this.guildId, this.bot, this.inGuild(0), this.inGuild(11))],
      }),
    });
  }

  /** The server's channels of one type (0: text, 11: public thread). */
  private inGuild(type: number): Channel[] {
    return [...this.channels.values()].filter((c) => c["guild_id"] === this.guildId && c.type === type);
  }

  static async start(options: FakeOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.server.on("upgrade", (req, socket, head) => fake.gateway.upgrade(req, socket, head));
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    return fake;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  get gatewayUrl(): string {
    return `${this.origin.replace("http", "ws")}/gateway`;
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** The next request to `method` + a path matching `path` gets a 429 with Retry-After `retryAfter` seconds. */
  rateLimitNext(method: string, path: RegExp, retryAfter: number): void {
    this.refusals.push({ method, path, answer: tooManyRequests(retryAfter) });
  }

  /** The next request to `method` + `path` gets a 403 Missing Permissions, as when the bot lacks a permission. */
  forbidNext(method: string, path: RegExp): void {
    this.refusals.push({ method, path, answer: { status: 403, body: { message: "Missing Permissions", code: 50013 } } });
  }

  // ---- what users do ----

  /** A user's message in a channel, thread or DM, delivered as MESSAGE_CREATE. */
  say(content: string, options: { channelId?: string; mention?: boolean; author?: User; dm?: boolean; id?: string } = {}): string {
    const channelId = options.channelId ?? this.channelId;
    const author = options.author ?? this.human;
    // Passing the id of an earlier message delivers that message again.
    const id = options.id ?? snowflake();
    const text = options.mention ? `<@${this.bot.id}> ${content}` : content;
    if (options.dm && !this.channels.has(channelId)) this.channels.set(channelId, dmChannel(channelId, author));
    const guildId = options.dm ? undefined : this.guildId;
    this.gateway.dispatch("MESSAGE_CREATE", message({ id, channelId, ...(guildId ? { guildId } : {}), author, content: text, mentions: options.mention ? [{ ...this.bot, member: member(this.bot) } as User] : [], dm: options.dm ?? false }));
    return id;
  }

  /** A thread a user starts in the channel (not on a message of Archie's), delivered as THREAD_CREATE. Returns its id. */
  userThread(name: string, owner: User = this.human): string {
    const thread = threadChannel(snowflake(), this.guildId, this.channelId, owner.id, name);
    this.channels.set(thread.id, thread);
    this.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return thread.id;
  }

  /** `/design request:<text>` in a channel, as INTERACTION_CREATE. Returns the interaction id. */
  slashDesign(request: string, channelId = this.channelId): string {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    this.interactions.set(token, { channelId });
    this.gateway.dispatch("INTERACTION_CREATE", {
      ...this.interactionBase(id, token, channelId),
      type: 2,
      data: { id: "1300000000000000009", name: "design", type: 1, options: [{ name: "request", type: 3, value: request }] },
    });
    return id;
  }

  /** A click on a button of a message Archie posted. */
  click(posted: PostedMessage, customId: string): string {
    const id = snowflake();
    const token = `interaction-token-${id}`;
    this.interactions.set(token, { channelId: posted.channelId });
    const channel = this.channels.get(posted.channelId);
    const guildId = channel?.["guild_id"] as string | undefined;
    this.gateway.dispatch("INTERACTION_CREATE", {
      ...this.interactionBase(id, token, posted.channelId),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: message({ id: posted.id, channelId: posted.channelId, ...(guildId ? { guildId } : {}), author: this.bot, content: posted.content, components: posted.components, flags: posted.flags }),
    });
    return id;
  }

  private interactionBase(id: string, token: string, channelId: string) {
    return {
      id,
      application_id: APPLICATION_ID,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: channelId,
      channel: this.channels.get(channelId),
      member: { ...member(this.human), permissions: "2248473465835073" },
      app_permissions: "2248473465835073",
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.guildId },
      context: 0,
      attachment_size_limit: 10_485_760,
    };
  }

  // ---- reading back ----

  postedIn(channelId: string): PostedMessage[] {
    return this.posted.filter((m) => m.channelId === channelId);
  }

  threads(): Channel[] {
    return [...this.channels.values()].filter((c) => c.type === 11);
  }

  /** Resolves when `predicate` holds (checked every 10 ms), or rejects after `timeoutMs` naming what it waited for. */
  async waitFor(predicate: () => boolean, timeoutMs = 10_000, what = "the expected requests"): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}; requests so far: ${this.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(", ")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- REST ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await decodeRequest(req);
    let answer: Answer;
    const refusal = this.refusals.findIndex((l) => l.method === request.method && l.path.test(request.path));
    if (refusal !== -1) {
      answer = this.refusals[refusal]!.answer;
      this.refusals.splice(refusal, 1);
    } else {
      answer = this.route(request);
    }
    this.requests.push({ ...request, status: answer.status, at: performance.now() });
    res.writeHead(answer.status, { ...(answer.body === undefined ? {} : { "Content-Type": "application/json" }), ...answer.headers });
    res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
  }

  private route(r: Omit<RecordedRequest, "status" | "at">): Answer {
    const p = r.path.replace(/^\/api\/v10/, "");
    const m = (pattern: RegExp) => pattern.exec(p);
    let match: RegExpExecArray | null;
    if (r.authorization !== undefined && r.authorization !== `Bot ${TOKEN}`) return { status: 401, body: { message: "401: Unauthorized", code: 0 } };
    if (r.method === "GET" && p === "/gateway/bot") {
      return { status: 200, body: { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } } };
    }
    if (r.method === "GET" && p === "/users/@me") return { status: 200, body: this.bot };
    if (r.method === "GET" && (match = m(/^\/channels\/(\d+)$/))) {
      const channel = this.channels.get(match[1]!);
      return channel ? { status: 200, body: channel } : { status: 404, body: { message: "Unknown Channel", code: 10003 } };
    }
    if (r.method === "POST" && (match = m(/^\/channels\/(\d+)\/typing$/))) return { status: 204 };
    if (r.method === "POST" && (match = m(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/))) {
      const parent = match[1]!;
      if (this.channels.has(match[2]!)) return { status: 400, body: { message: "A thread has already been created for this message", code: 160004 } };
      // A thread started from a message takes that message's id, as on Discord.
      const thread = threadChannel(match[2]!, this.guildId, parent, this.bot.id, String(r.body?.["name"] ?? ""));
      this.channels.set(thread.id, thread);
      this.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
      return { status: 201, body: thread };
    }
    if (r.method === "POST" && (match = m(/^\/channels\/(\d+)\/messages$/))) {
      if (!this.channels.has(match[1]!)) return { status: 404, body: { message: "Unknown Channel", code: 10003 } };
      // With enforce_nonce, a nonce seen before in the channel returns that message instead of posting again.
      const nonce = r.body?.["enforce_nonce"] === true && typeof r.body["nonce"] === "string" ? `${match[1]}:${r.body["nonce"]}` : undefined;
      const earlier = nonce === undefined ? undefined : this.nonces.get(nonce);
      if (earlier) return { status: 200, body: earlier };
      const refused = this.refusalOf(r);
      if (refused) return refused;
      const created = this.post(match[1]!, r);
      if (nonce !== undefined) this.nonces.set(nonce, created);
      return { status: 200, body: created };
    }
    if (r.method === "POST" && (match = m(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      // A reply (4) or an update (7) carries a message, which Discord checks as it would any other.
      const type = r.body?.["type"];
      const data = r.body?.["data"];
      const refused = (type === 4 || type === 7) && typeof data === "object" && data !== null ? this.refusalOf({ ...r, body: data as Record<string, unknown> }) : undefined;
      return refused ?? { status: 204 };
    }
    if ((match = m(/^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/))) {
      const interaction = this.interactions.get(match[2]!);
      if (!interaction) return { status: 404, body: { message: "Unknown Webhook", code: 10015 } };
      const refused = r.method === "GET" ? undefined : this.refusalOf(r);
      if (refused) return refused;
      if (match[3] && r.method === "PATCH") {
        interaction.original = this.post(interaction.channelId, r);
        return { status: 200, body: interaction.original };
      }
      if (match[3] && r.method === "GET" && interaction.original) return { status: 200, body: interaction.original };
      if (!match[3] && r.method === "POST") return { status: 200, body: this.post(interaction.channelId, r) };
    }
    if (r.method === "PUT" && (match = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const commands = (Array.isArray(r.body) ? r.body : []) as Record<string, unknown>[];
      return { status: 200, body: commands.map((c) => ({ ...c, id: snowflake(), application_id: match![1], version: snowflake() })) };
    }
    return { status: 404, body: { message: `404: Not Found (${r.method} ${p})`, code: 0 } };
  }

  /** A 400 for a message Discord would refuse (components.ts), with the problems, as Discord gives them. */
  private refusalOf(r: Omit<RecordedRequest, "status" | "at">): Answer | undefined {
    const problems = checkMessage(r.body, r.files.map((f) => f.name));
    if (problems.length === 0) return undefined;
    this.refused.push({ path: r.path, problems: problems.map((p) => `${p.path}: ${p.message}`) });
    return { status: 400, body: invalidFormBody(problems) };
  }

  /** Stores a message Archie posted and echoes it on the gateway, as Discord does. */
  private post(channelId: string, r: Omit<RecordedRequest, "status" | "at">): ReturnType<typeof message> {
    const id = snowflake();
    const body = r.body ?? {};
    const attachments: Attachment[] = r.files.map((f) => ({ id: snowflake(), filename: f.name, size: f.size, content_type: f.type, url: `${this.origin}/files/${f.name}`, proxy_url: `${this.origin}/files/${f.name}` }));
    const components = (body["components"] ?? []) as RawComponent[];
    const flags = Number(body["flags"] ?? 0);
    const guildId = this.channels.get(channelId)?.["guild_id"] as string | undefined;
    const created = message({ id, channelId, ...(guildId ? { guildId } : {}), author: this.bot, content: String(body["content"] ?? ""), attachments, components, flags });
    this.posted.push({
      id,
      channelId,
      content: created.content,
      flags,
      files: r.files.map((f) => f.name),
      components,
      texts: textsIn(components),
      text: created.content || textsIn(components).join("\n\n"),
      buttons: buttonsIn(components),
      allowedMentions: body["allowed_mentions"],
    });
    if (this.gateway.hasSession) this.gateway.dispatch("MESSAGE_CREATE", created);
    return created;
  }
}
