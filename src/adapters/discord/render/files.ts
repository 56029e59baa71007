import type { Artifact } from "../../../planner/proposal.js";

/** A file attached to a Discord message. */
export interface OutboundFile {
  name: string;
  data: Uint8Array;
}

export const asFile = (artifact: Artifact): OutboundFile => ({ name: artifact.filename, data: new TextEncoder().encode(artifact.content) });
