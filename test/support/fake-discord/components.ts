/**
 * What the fake Discord checks of a message before it posts it, as Discord does: plain messages
 * (content within 2,000 characters, action rows of buttons) and Components V2 messages (the
 * IS_COMPONENTS_V2 flag, no content or embeds, at most 40 components and 4,000 characters of
 * text, media and files only by reference to what is attached). Where Discord's documentation
 * leaves a limit unsaid, the fake takes the stricter reading: a payload it accepts is one Discord
 * accepts.
 */

export const IS_COMPONENTS_V2 = 1 << 15;

export const ComponentTypes = { actionRow: 1, button: 2, section: 9, textDisplay: 10, thumbnail: 11, mediaGallery: 12, file: 13, separator: 14, container: 17 } as const;

const SELECTS = new Set([3, 5, 6, 7, 8]);
const TOP_LEVEL_V2 = new Set<number>([1, 9, 10, 12, 13, 14, 17]);
const IN_CONTAINER = new Set<number>([1, 9, 10, 12, 13, 14]);

export const LIMITS = {
  content: 2000,
  legacyRows: 5,
  rowButtons: 5,
  components: 40,
  text: 4000,
  /** discord-api-types documents a container as holding "up to 10 components"; JDA caps a V2 message at 10 at the top. */
  containerChildren: 10,
  topLevel: 10,
  galleryItems: 10,
  attachments: 10,
  customId: 100,
  label: 80,
} as const;

/** A component as it arrives: a `type` and whatever fields that type has. */
export type RawComponent = { type: number } & Record<string, unknown>;

export interface Problem {
  /** Where, as Discord names it: "components[0].components[2].content". */
  path: string;
  code: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const children = (component: Record<string, unknown>): unknown[] => (Array.isArray(component["components"]) ? (component["components"] as unknown[]) : []);

/** Every component in the tree, nested ones included (a section's accessory too). */
export function walk(components: readonly unknown[]): RawComponent[] {
  return components.flatMap((c) => {
    if (!isObject(c) || typeof c["type"] !== "number") return [];
    const accessory = isObject(c["accessory"]) ? [c["accessory"]] : [];
    return [c as RawComponent, ...walk(children(c)), ...walk(accessory)];
  });
}

/** The text a V2 message counts against its 4,000 characters: text displays and button labels. */
function textLength(components: readonly unknown[]): number {
  return walk(components).reduce((sum, c) => {
    if (c.type === ComponentTypes.textDisplay && typeof c["content"] === "string") return sum + c["content"].length;
    if (c.type === ComponentTypes.button && typeof c["label"] === "string") return sum + c["label"].length;
    return sum;
  }, 0);
}

/** The attachment a media or file URL names, or undefined for an http(s) URL. */
function referenced(url: string): string | undefined {
  return url.startsWith("attachment://") ? url.slice("attachment://".length) : undefined;
}

class Checker {
  readonly problems: Problem[] = [];
  constructor(private readonly attached: ReadonlySet<string>) {}

  fail(path: string, code: string, message: string): void {
    this.problems.push({ path, code, message });
  }

  button(c: RawComponent, path: string): void {
    const style = c["style"];
    if (typeof style !== "number" || style < 1 || style > 6) this.fail(`${path}.style`, "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4, 5, 6).");
    const label = c["label"];
    if (typeof label === "string" && (label.length === 0 || label.length > LIMITS.label)) this.fail(`${path}.label`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.label} in length.`);
    if (style !== 5 && style !== 6) {
      const id = c["custom_id"];
      if (typeof id !== "string" || id.length === 0 || id.length > LIMITS.customId) this.fail(`${path}.custom_id`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.customId} in length.`);
    }
  }

  row(c: RawComponent, path: string): void {
    const items = children(c);
    if (items.length === 0 || items.length > LIMITS.rowButtons) this.fail(`${path}.components`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.rowButtons} in length.`);
    items.forEach((item, i) => {
      const at = `${path}.components[${i}]`;
      if (!isObject(item) || (item["type"] !== ComponentTypes.button && !SELECTS.has(Number(item["type"])))) return this.fail(at, "COMPONENT_TYPE_INVALID", "An action row holds buttons or one select menu.");
      if (item["type"] === ComponentTypes.button) this.button(item as RawComponent, at);
    });
  }

  media(url: unknown, path: string, attachmentOnly: boolean): void {
    if (typeof url !== "string") return this.fail(path, "BASE_TYPE_REQUIRED", "This field is required");
    const name = referenced(url);
    if (name === undefined) {
      if (attachmentOnly || !/^https?:\/\//.test(url)) this.fail(path, "UNFURLED_MEDIA_ITEM_INVALID_URL", attachmentOnly ? "A file component takes only attachment://<filename>." : "Must be an http(s) or attachment:// URL.");
    } else if (!this.attached.has(name)) {
      this.fail(path, "UNFURLED_MEDIA_ITEM_ATTACHMENT_NOT_FOUND", `No attachment named ${name} in this message.`);
    }
  }

  component(c: unknown, path: string, allowed: ReadonlySet<number>): void {
    if (!isObject(c) || typeof c["type"] !== "number") return this.fail(path, "BASE_TYPE_REQUIRED", "A component needs a type.");
    const component = c as RawComponent;
    if (!allowed.has(component.type)) return this.fail(`${path}.type`, "COMPONENT_TYPE_INVALID", `Component type ${component.type} is not allowed here.`);
    switch (component.type) {
      case ComponentTypes.actionRow:
        return this.row(component, path);
      case ComponentTypes.textDisplay: {
        const content = component["content"];
        if (typeof content !== "string" || content.length === 0 || content.length > LIMITS.text) this.fail(`${path}.content`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.text} in length.`);
        return;
      }
      case ComponentTypes.mediaGallery: {
        const items = Array.isArray(component["items"]) ? (component["items"] as unknown[]) : [];
        if (items.length === 0 || items.length > LIMITS.galleryItems) this.fail(`${path}.items`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.galleryItems} in length.`);
        items.forEach((item, i) => this.media(isObject(item) && isObject(item["media"]) ? item["media"]["url"] : undefined, `${path}.items[${i}].media.url`, false));
        return;
      }
      case ComponentTypes.file:
        return this.media(isObject(component["file"]) ? component["file"]["url"] : undefined, `${path}.file.url`, true);
      case ComponentTypes.separator: {
        const spacing = component["spacing"];
        if (spacing !== undefined && spacing !== 1 && spacing !== 2) this.fail(`${path}.spacing`, "BASE_TYPE_CHOICES", "Value must be one of (1, 2).");
        return;
      }
      case ComponentTypes.container: {
        const inside = children(component);
        if (inside.length === 0 || inside.length > LIMITS.containerChildren) this.fail(`${path}.components`, "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.containerChildren} in length.`);
        inside.forEach((child, i) => this.component(child, `${path}.components[${i}]`, IN_CONTAINER));
        return;
      }
      case ComponentTypes.section:
        children(component).forEach((child, i) => this.component(child, `${path}.components[${i}]`, new Set([ComponentTypes.textDisplay])));
        return;
    }
  }
}

/** Whether a message body carries the Components V2 flag. */
export const isComponentsV2 = (body: Record<string, unknown> | undefined): boolean => (Number(body?.["flags"] ?? 0) & IS_COMPONENTS_V2) !== 0;

/**
 * The problems Discord would answer a message with (400, code 50035), or none. `attached`: the
 * file names uploaded with it.
 */
export function checkMessage(body: Record<string, unknown> | undefined, attached: readonly string[]): Problem[] {
  const payload = body ?? {};
  const checker = new Checker(new Set(attached));
  const components = Array.isArray(payload["components"]) ? (payload["components"] as unknown[]) : [];
  const content = typeof payload["content"] === "string" ? payload["content"] : "";
  const embeds = Array.isArray(payload["embeds"]) ? payload["embeds"] : [];
  if (attached.length > LIMITS.attachments) checker.fail("files", "BASE_TYPE_BAD_LENGTH", `Must be ${LIMITS.attachments} or fewer in length.`);
  if (isComponentsV2(payload)) {
    if (content !== "") checker.fail("content", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
    if (embeds.length) checker.fail("embeds", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2");
    if (payload["poll"] !== undefined || payload["sticker_ids"] !== undefined) checker.fail("poll", "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2", "Polls and stickers cannot be used when using MessageFlags.IS_COMPONENTS_V2");
    if (components.length === 0 || components.length > LIMITS.topLevel) checker.fail("components", "BASE_TYPE_BAD_LENGTH", `Must be between 1 and ${LIMITS.topLevel} in length.`);
    components.forEach((c, i) => checker.component(c, `components[${i}]`, TOP_LEVEL_V2));
    const total = walk(components).length;
    if (total > LIMITS.components) checker.fail("components", "MAX_COMPONENTS", `A message holds at most ${LIMITS.components} components (this one has ${total}).`);
    const text = textLength(components);
    if (text > LIMITS.text) checker.fail("components", "MAX_TEXT_LENGTH", `The text of a message's components is at most ${LIMITS.text} characters (this one has ${text}).`);
  } else {
    if (content.length > LIMITS.content) checker.fail("content", "BASE_TYPE_MAX_LENGTH", `Must be ${LIMITS.content} or fewer in length.`);
    if (components.length > LIMITS.legacyRows) checker.fail("components", "BASE_TYPE_BAD_LENGTH", `Must be ${LIMITS.legacyRows} or fewer in length.`);
    components.forEach((c, i) => checker.component(c, `components[${i}]`, new Set([ComponentTypes.actionRow])));
    if (content === "" && embeds.length === 0 && attached.length === 0 && components.length === 0) checker.fail("content", "MESSAGE_EMPTY", "Cannot send an empty message");
  }
  return checker.problems;
}

/** Discord's answer to an invalid form body, with the problems under their paths. */
export function invalidFormBody(problems: readonly Problem[]): { code: number; message: string; errors: Record<string, { _errors: { code: string; message: string }[] }> } {
  const errors: Record<string, { _errors: { code: string; message: string }[] }> = {};
  for (const p of problems) (errors[p.path] ??= { _errors: [] })._errors.push({ code: p.code, message: p.message });
  return { code: 50035, message: "Invalid Form Body", errors };
}

/** The buttons anywhere in a message's components. */
export function buttonsIn(components: readonly unknown[]): { custom_id: string; label: string }[] {
  return walk(components)
    .filter((c) => c.type === ComponentTypes.button)
    .map((c) => ({ custom_id: String(c["custom_id"] ?? ""), label: String(c["label"] ?? "") }));
}

/** The text displays of a message's components, in order. */
export function textsIn(components: readonly unknown[]): string[] {
  return walk(components)
    .filter((c) => c.type === ComponentTypes.textDisplay)
    .map((c) => String(c["content"] ?? ""));
}

/** The attachment names a message's components show (gallery items and file components). */
export function referencesIn(components: readonly unknown[]): string[] {
  return walk(components).flatMap((c) => {
    if (c.type === ComponentTypes.file && isObject(c["file"])) return [referenced(String(c["file"]["url"]))].filter((n): n is string => n !== undefined);
    if (c.type === ComponentTypes.mediaGallery && Array.isArray(c["items"])) {
      return (c["items"] as unknown[]).flatMap((item) => (isObject(item) && isObject(item["media"]) ? [referenced(String(item["media"]["url"]))] : [])).filter((n): n is string => n !== undefined);
    }
    return [];
  });
}
