import type { Artifact } from "../../../planner/proposal.js";
import type { Picture } from "../../../report/pictures/index.js";

/** A file attached to a Discord message. */
export interface OutboundFile {
  name: string;
  data: Uint8Array;
}

export const asFile = (artifact: Artifact): OutboundFile => ({ name: artifact.filename, data: new TextEncoder().encode(artifact.content) });

/** The picture of that name, as a file; none when it could not be drawn. */
export function picture(pictures: readonly Picture[] | undefined, name: string): OutboundFile[] {
  const found = pictures?.find((p) => p.filename === name);
  return found ? [{ name: found.filename, data: found.data }] : [];
}
