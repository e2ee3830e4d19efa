/** Step 9 (§2.9): session tags from the token's `https://aws.amazon.com/tags` claim. */
import { MSG } from '../messages.js';
import { StsRefusal } from '../sts-error.js';

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';

export interface SessionTags {
  tags: Record<string, string>;
  transitiveKeys: string[];
}

const invalid = (why: string) =>
  new StsRefusal('InvalidIdentityToken', MSG.invalidTags(why), [`The token's ${TAGS_CLAIM} claim is unusable: ${why}.`]);

/** undefined when the token carries no tags claim. */
export function readSessionTags(claims: Record<string, unknown>): SessionTags | undefined {
  const claim = claims[TAGS_CLAIM];
  if (claim === undefined) return undefined;
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim)) throw invalid('it is not an object');
  const { principal_tags: principalTags, transitive_tag_keys: transitive } = claim as Record<string, unknown>;
  const tags: Record<string, string> = {};
  if (principalTags !== undefined) {
    if (typeof principalTags !== 'object' || principalTags === null) throw invalid('principal_tags is not an object');
    for (const [key, raw] of Object.entries(principalTags)) {
      const value = Array.isArray(raw) && raw.length === 1 ? raw[0] : raw;
      if (typeof value !== 'string') throw invalid(`tag ${key} does not have exactly one string value`);
      if (key.length < 1 || key.length > 128) throw invalid(`tag key ${key} is not 1..128 characters`);
      if (value.length > 256) throw invalid(`the value of tag ${key} is longer than 256 characters`);
      tags[key] = value;
    }
  }
  if (Object.keys(tags).length > 50) throw invalid(`${Object.keys(tags).length} tags, more than 50`);
  const transitiveKeys = Array.isArray(transitive) ? transitive.filter((k): k is string => typeof k === 'string') : [];
  const unknownTransitive = transitiveKeys.filter((k) => !(k in tags));
  if (unknownTransitive.length > 0) throw invalid(`transitive_tag_keys names untagged keys ${JSON.stringify(unknownTransitive)}`);
  return { tags, transitiveKeys };
}
