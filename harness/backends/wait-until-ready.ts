/** Polls until a backend answers, with a deadline; fails saying what was awaited and for how long. */
import { HarnessError } from '../errors.js';

export interface ReadyWait {
  /** what we wait for, e.g. `moto to answer GET http://127.0.0.1:5000/moto-api/` */
  what: string;
  timeoutMs: number;
  intervalMs?: number;
  /** true once ready; a throw counts as "not yet" */
  probe: () => Promise<boolean>;
  /** a reason to stop waiting at once (e.g. the process exited), checked before each probe */
  gaveUp?: () => string | undefined;
  /** extra text for the timeout message, e.g. the tail of stderr */
  detail?: () => string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntilReady(wait: ReadyWait): Promise<void> {
  const now = wait.now ?? Date.now;
  const sleep = wait.sleep ?? realSleep;
  const deadline = now() + wait.timeoutMs;
  for (;;) {
    const reason = wait.gaveUp?.();
    if (reason) throw new HarnessError('BACKEND_START_FAILED', `gave up waiting for ${wait.what}: ${reason}${suffix(wait)}`);
    if (await wait.probe().catch(() => false)) return;
    if (now() >= deadline) {
      throw new HarnessError('BACKEND_NOT_READY', `waited ${wait.timeoutMs} ms for ${wait.what}, in vain${suffix(wait)}`);
    }
    await sleep(wait.intervalMs ?? 100);
  }
}

function suffix(wait: ReadyWait): string {
  const detail = wait.detail?.().trim();
  return detail ? `\n${detail}` : '';
}

/** A probe that is true when `url` answers at all (any HTTP status), or with `status` when given. */
export function httpAnswers(url: string, options: { method?: string; status?: number; timeoutMs?: number } = {}) {
  return async (): Promise<boolean> => {
    const response = await fetch(url, { method: options.method ?? 'GET', signal: AbortSignal.timeout(options.timeoutMs ?? 2000) });
    await response.body?.cancel();
    return options.status === undefined || response.status === options.status;
  };
}
