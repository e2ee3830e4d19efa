/** Decisions by the request id the client saw; bounded so a long `up` session does not grow without end. */
import type { GateDecision } from './types.js';

export class DecisionLog {
  private readonly byId = new Map<string, GateDecision>();
  constructor(private readonly capacity = 10_000) {}

  /** `aliases`: other ids the client may have seen for the same request (e.g. the backend's) */
  record(decision: GateDecision, aliases: readonly string[] = []): void {
    for (const id of [decision.requestId, ...aliases]) {
      this.byId.delete(id);
      this.byId.set(id, decision);
    }
    while (this.byId.size > this.capacity) {
      const oldest = this.byId.keys().next().value as string;
      this.byId.delete(oldest);
    }
  }

  clear(): void {
    this.byId.clear();
  }

  get(requestId: string): GateDecision | undefined {
    return this.byId.get(requestId);
  }
}
