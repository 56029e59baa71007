import {
  ContainerBuilder,
  FileBuilder,
  MediaGalleryBuilder,
  MessageFlags,
  SeparatorBuilder,
  SeparatorSpacingSize,
  TextDisplayBuilder,
  type APIMessageTopLevelComponent,
} from "discord.js";
import type { ButtonRow } from "./buttons.js";
import type { OutboundFile } from "./files.js";
import { neutraliseMentions } from "./safe.js";
import { splitMessage } from "./split.js";

/**
 * Components V2 messages ("cards"): a container of text displays, a media gallery and file
 * components, then file components and buttons after it. A card is packed within Discord's
 * limits, and what does not fit goes on in the next card, so nothing is cut.
 */

/** Discord's limits for a message sent with the IS_COMPONENTS_V2 flag. */
export const CARD_LIMITS = {
  /** Every component counts, nested ones (text displays, buttons) included. */
  components: 40,
  /** Across the message: the text displays and the button labels. */
  text: 4000,
  /** discord-api-types documents a container as holding up to 10 components, and a message as holding up to 10 at the top. */
  containerChildren: 10,
  topLevel: 10,
  attachments: 10,
  galleryItems: 10,
} as const;

/** IS_COMPONENTS_V2 (1 << 15): the message is its components; `content` and `embeds` are refused with it. */
export const CARD_FLAGS = MessageFlags.IsComponentsV2;

/** What a card is made of, in reading order. `text` is Discord markdown; pieces longer than a card allows are split. */
export type CardPiece =
  | { kind: "text"; markdown: string }
  | { kind: "separator" }
  | { kind: "gallery"; images: OutboundFile[] }
  /** `inside`: in the container (the proposal itself); otherwise after it (artefacts). */
  | { kind: "file"; file: OutboundFile; inside?: boolean };

export interface CardMessage {
  kind: "card";
  components: APIMessageTopLevelComponent[];
  files: OutboundFile[];
}

type ContainerChild = { kind: "text"; markdown: string } | { kind: "separator" } | { kind: "gallery"; images: OutboundFile[] } | { kind: "file"; file: OutboundFile };
type TopItem = { kind: "container"; children: ContainerChild[] } | { kind: "file"; file: OutboundFile } | { kind: "row"; row: ButtonRow };

/** One card being filled, with what it has used of each limit. */
class Draft {
  readonly top: TopItem[] = [];
  components = 0;
  text = 0;
  attachments = 0;

  private openContainer(): { kind: "container"; children: ContainerChild[] } | undefined {
    const last = this.top.at(-1);
    return last?.kind === "container" && last.children.length < CARD_LIMITS.containerChildren ? last : undefined;
  }

  /** Adds the piece if it fits within every limit; false leaves the draft as it was. */
  add(piece: ContainerChild | { kind: "row"; row: ButtonRow }, inside: boolean): boolean {
    const cost = costOf(piece);
    const container = inside ? this.openContainer() : undefined;
    const topAdded = inside && container ? 0 : 1;
    const components = cost.components + (inside && !container ? 1 : 0);
    if (this.top.length + topAdded > CARD_LIMITS.topLevel) return false;
    if (this.components + components > CARD_LIMITS.components) return false;
    if (this.text + cost.text > CARD_LIMITS.text) return false;
    if (this.attachments + cost.attachments > CARD_LIMITS.attachments) return false;
    if (piece.kind === "row") this.top.push(piece);
    else if (!inside && piece.kind === "file") this.top.push(piece);
    else if (container) container.children.push(piece);
    else this.top.push({ kind: "container", children: [piece] });
    this.components += components;
    this.text += cost.text;
    this.attachments += cost.attachments;
    return true;
  }

  get empty(): boolean {
    return this.top.length === 0;
  }
}

function costOf(piece: ContainerChild | { kind: "row"; row: ButtonRow }): { components: number; text: number; attachments: number } {
  switch (piece.kind) {
    case "text":
      return { components: 1, text: piece.markdown.length, attachments: 0 };
    case "separator":
      return { components: 1, text: 0, attachments: 0 };
    case "gallery":
      return { components: 1, text: 0, attachments: piece.images.length };
    case "file":
      return { components: 1, text: 0, attachments: 1 };
    case "row":
      return { components: 1 + piece.row.components.length, text: piece.row.components.reduce((sum, b) => sum + (b.label?.length ?? 0), 0), attachments: 0 };
  }
}

/** Text pieces as chunks a card can hold; galleries of at most ten images. */
function normalise(pieces: readonly CardPiece[]): CardPiece[] {
  return pieces.flatMap((piece): CardPiece[] => {
    if (piece.kind === "text") {
      return splitMessage(neutraliseMentions(piece.markdown), CARD_LIMITS.text)
        .filter((chunk) => chunk.trim() !== "")
        .map((markdown) => ({ kind: "text", markdown }));
    }
    if (piece.kind === "gallery") {
      const groups: CardPiece[] = [];
      for (let i = 0; i < piece.images.length; i += CARD_LIMITS.galleryItems) groups.push({ kind: "gallery", images: piece.images.slice(i, i + CARD_LIMITS.galleryItems) });
      return groups;
    }
    return [piece];
  });
}

const attachment = (file: OutboundFile) => `attachment://${file.name}`;

function childComponent(child: ContainerChild): TextDisplayBuilder | SeparatorBuilder | MediaGalleryBuilder | FileBuilder {
  switch (child.kind) {
    case "text":
      return new TextDisplayBuilder().setContent(child.markdown);
    case "separator":
      return new SeparatorBuilder().setDivider(true).setSpacing(SeparatorSpacingSize.Small);
    case "gallery":
      return new MediaGalleryBuilder().addItems(...child.images.map((image) => ({ media: { url: attachment(image) }, description: image.name })));
    case "file":
      return new FileBuilder().setURL(attachment(child.file));
  }
}

function containerOf(children: ContainerChild[]): ContainerBuilder {
  const container = new ContainerBuilder();
  for (const child of children) {
    const component = childComponent(child);
    if (component instanceof TextDisplayBuilder) container.addTextDisplayComponents(component);
    else if (component instanceof SeparatorBuilder) container.addSeparatorComponents(component);
    else if (component instanceof MediaGalleryBuilder) container.addMediaGalleryComponents(component);
    else container.addFileComponents(component);
  }
  return container;
}

/** The files a card attaches, in the order its components name them. */
function filesOf(top: readonly TopItem[]): OutboundFile[] {
  return top.flatMap((item) => {
    if (item.kind === "file") return [item.file];
    if (item.kind === "row") return [];
    return item.children.flatMap((child) => (child.kind === "gallery" ? child.images : child.kind === "file" ? [child.file] : []));
  });
}

function emit(draft: Draft): CardMessage {
  const components = draft.top.map((item): APIMessageTopLevelComponent => {
    if (item.kind === "container") return containerOf(item.children).toJSON();
    if (item.kind === "file") return new FileBuilder().setURL(attachment(item.file)).toJSON();
    return item.row;
  });
  return { kind: "card", components, files: filesOf(draft.top) };
}

/**
 * The pieces as cards, in order, each within Discord's limits; the buttons go under the last.
 * A separator that would open a card is dropped: it only separates within one.
 */
export function cardMessages(pieces: readonly CardPiece[], rows: readonly ButtonRow[] = []): CardMessage[] {
  const cards: CardMessage[] = [];
  let draft = new Draft();
  const place = (piece: ContainerChild | { kind: "row"; row: ButtonRow }, inside: boolean) => {
    if (draft.add(piece, inside)) return;
    if (piece.kind === "separator") return;
    cards.push(emit(draft));
    draft = new Draft();
    // Unreachable: every piece alone is within the limits (text is split to 4,000, galleries to 10).
    if (!draft.add(piece, inside)) throw new Error(`a ${piece.kind} does not fit in an empty Discord message`);
  };
  for (const piece of normalise(pieces)) {
    if (piece.kind === "separator" && draft.empty) continue;
    if (piece.kind === "file") place({ kind: "file", file: piece.file }, piece.inside === true);
    else place(piece, true);
  }
  for (const row of rows) place({ kind: "row", row }, false);
  if (!draft.empty) cards.push(emit(draft));
  return cards;
}
