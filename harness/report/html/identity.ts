/** The identity a case presented: the grid's row key (token `sub`, audience, tamper). */
import type { CaseResult } from '../model.js';

export interface Identity {
  key: string;
  sub: string | null;
  aud: string[];
  tamper: string | null;
}

export function identityOf(c: CaseResult): Identity {
  const claims = c.details?.token?.claims ?? {};
  const sub = typeof claims.sub === 'string' ? claims.sub : claims.sub === undefined ? null : JSON.stringify(claims.sub);
  const rawAud = claims.aud;
  const aud = Array.isArray(rawAud) ? rawAud.map(String) : rawAud === undefined ? [] : [String(rawAud)];
  const tamper = c.details?.token?.tamper ?? null;
  return { key: JSON.stringify([sub, aud, tamper]), sub, aud, tamper };
}

/** One line for lists: `https://github.com/acme/app · aud sts.amazonaws.com · tampered: signature` */
export function identityText(identity: Identity): string {
  return [
    identity.sub ?? '(no sub claim)',
    identity.aud.length > 0 ? `aud ${identity.aud.join(', ')}` : 'no aud',
    ...(identity.tamper ? [`tampered: ${identity.tamper}`] : []),
  ].join(' · ');
}
