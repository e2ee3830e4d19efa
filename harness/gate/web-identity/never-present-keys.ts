/**
 * Explains the trust conditions that can never hold because AWS never sets their key for this provider: a
 * key whose prefix is not the provider's (the seed's `gitpod.io/idp:sub` on `api.dev-internal.gitpod.cloud/idp`)
 * or a claim AWS does not expose as a key (`api.gitpod.io/idp:org_id`).
 */
import { exposedClaimKeys, providerKeyPrefix } from '../policy-port.js';
import type { PolicyEvaluation } from '../../policy/types.js';

const GLOBAL_NAMESPACES = ['aws:', 'sts:'];

export function neverPresentKeySentences(trust: PolicyEvaluation, providerUrl: string): string[] {
  const prefix = providerKeyPrefix(providerUrl).toLowerCase();
  const { generic, specific } = exposedClaimKeys(providerUrl);
  const exposed = new Set([...generic, ...specific].map((k) => k.toLowerCase()));
  const sentences = new Set<string>();
  for (const statement of trust.statements) {
    for (const condition of statement.conditions) {
      if (condition.actual !== null || condition.matched) continue;
      const key = condition.key.toLowerCase();
      if (GLOBAL_NAMESPACES.some((ns) => key.startsWith(ns))) continue;
      const colon = key.lastIndexOf(':');
      const keyPrefix = colon > 0 ? key.slice(0, colon) : key;
      if (keyPrefix !== prefix) {
        sentences.add(
          `${condition.key} can never be present: AWS names this provider's keys ${providerKeyPrefix(providerUrl)}:<claim>, so ${condition.operator} on it never holds (${condition.path}).`,
        );
      } else if (!exposed.has(key)) {
        sentences.add(
          `${condition.key} can never be present: AWS does not expose the claim ${condition.key.slice(colon + 1)} as a condition key for this provider (only ${[...generic, ...specific].join(', ')}), so ${condition.operator} on it never holds (${condition.path}).`,
        );
      }
    }
  }
  return [...sentences];
}
