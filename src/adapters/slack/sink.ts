import { registerSink } from "../../jobs/sinks.js";
import { createWorkerSlackSink } from "./worker-sink.js";

/** Loaded by `archie worker`: from then on it can post Slack replies. */
registerSink("slack", createWorkerSlackSink);
