import type { Clock } from '../clock.js';
import { unixSeconds } from '../clock.js';

/** Like `gp idp login aws`: `<workspace_id>-<unix seconds>`; `harness-<unix seconds>` without a workspace id. */
export function defaultSessionName(claims: Record<string, unknown>, clock: Clock): string {
  const workspace = typeof claims.workspace_id === 'string' && claims.workspace_id ? claims.workspace_id : 'harness';
  const name = `${workspace}-${unixSeconds(clock)}`.replace(/[^\w+=,.@-]/g, '-');
  return name.slice(0, 64);
}
