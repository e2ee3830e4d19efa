/** Helpers for profiles whose claims are derived from one another, as the real IdP derives them. */
import { createHash } from 'node:crypto';
import { str, type Claims } from './types.js';

/**
 * A view of the merged claims in which a claim the case set (or a profile default) wins and any other is
 * computed once from the claims it depends on. `derived()` lists what was computed, for `derive` to return.
 */
export class Derivation {
  private readonly computed: Claims = {};
  constructor(private readonly claims: Claims) {}

  /** the claim as set, else `compute()` (memoised and recorded as derived) */
  get(name: string, compute: () => unknown): unknown {
    if (name in this.claims) return this.claims[name];
    if (!(name in this.computed)) this.computed[name] = compute();
    return this.computed[name];
  }

  text(name: string, compute: () => unknown): string {
    return str(this.get(name, compute));
  }

  derived(): Claims {
    return { ...this.computed };
  }
}

/** A stable numeric id for a name (GitHub/GitLab ids of owners and projects the scenario did not set). */
export function stableId(name: string, known: Readonly<Record<string, string>>): string {
  const id = known[name];
  if (id !== undefined) return id;
  return String(10_000_000 + (createHash('sha256').update(name).digest().readUInt32BE(0) % 89_999_999));
}
