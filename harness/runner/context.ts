/** What the runner needs from a started harness environment. Built by harness/fixtures/environment.ts. */
import type { OffsetClock } from '../clock.js';
import type { StartedGate } from '../gate/types.js';
import type { MockIdp } from '../idp/types.js';
import type { Provisioned } from '../provision/index.js';

export interface RunContext {
  /** the endpoint every client uses: the gate, or the target itself when it enforces federation ("" = the SDK default, real AWS) */
  endpoint: string;
  region: string;
  idp: MockIdp;
  /** undefined when the target enforces federation itself (real AWS) */
  gate?: StartedGate;
  clock: OffsetClock;
  provisioned: Provisioned;
}
