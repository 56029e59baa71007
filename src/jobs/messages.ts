/** What the user reads when a turn could not be answered; never the error itself (it may hold internals). */
export const JOB_FAILED =
  "Sorry — I couldn't answer that message: something went wrong on my side several times in a row. Please send it again in a few minutes.";

/** A job whose platform has no reply sink in this worker: kept in the failed set with this reason. */
export function noSinkReason(platform: string): string {
  return `no reply sink is registered for platform "${platform}" in this worker, so its reply cannot be posted`;
}
