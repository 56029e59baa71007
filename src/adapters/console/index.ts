export { runConsole, DEFAULT_OUT_DIR, type ConsoleIO, type ConsoleOptions } from "./console.js";
export { replayTranscript, splitTranscript, TranscriptError } from "./replay.js";
export { renderPost, renderReply } from "./render.js";
export { createConsoleScreen, type ConsoleScreen } from "./terminal/screen.js";
export { createStyle } from "./terminal/style.js";
