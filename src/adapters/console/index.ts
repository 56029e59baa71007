export { runConsole, type ConsoleIO } from "./console.js";
export { replayTranscript, splitTranscript, TranscriptError } from "./replay.js";
export { renderPost, renderReply } from "./render.js";
