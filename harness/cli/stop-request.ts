/**
 * What asks a long-running command (`up`, `run`) to stop: SIGINT, SIGTERM, or, when npm started it (`npx`,
 * `npm run`), the end of the process that started it. npm does not pass SIGTERM on: `npx` runs the command
 * under `sh -c`, and a SIGTERM to npx ends npx and that shell and leaves the command running as an orphan.
 */
export type StopReason = NodeJS.Signals | 'parent-exited';

const PARENT_POLL_MS = 250;

export function onStopRequest(stop: (reason: StopReason) => void): () => void {
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  const parent = process.ppid;
  const poll = startedByNpm()
    ? setInterval(() => {
        if (process.ppid !== parent) stop('parent-exited');
      }, PARENT_POLL_MS).unref()
    : undefined;
  return () => {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    if (poll) clearInterval(poll);
  };
}

/** npm sets npm_command (`exec` under npx, `run-script` under npm run) for everything it starts */
function startedByNpm(): boolean {
  return Boolean(process.env.npm_command);
}
