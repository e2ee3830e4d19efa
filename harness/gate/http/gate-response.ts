/** A response the gate sends itself (buffered), plus the decision it records. */
import type { GateDecision } from '../types.js';

export interface GateResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string | Buffer;
  decision?: GateDecision;
  /** other request ids the client may see for this decision (the backend's) */
  decisionAliases?: string[];
}

/** The AWS error code in a Query (XML) or JSON error body, if any. */
export function errorCodeOf(body: string): { code?: string; message?: string } {
  const xmlCode = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  if (xmlCode !== undefined) return { code: xmlCode, message: /<Message>([^<]*)<\/Message>/.exec(body)?.[1] };
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const type = typeof json['__type'] === 'string' ? json['__type'] : undefined;
    const message = json['Message'] ?? json['message'];
    return { code: type?.split('#').pop(), message: typeof message === 'string' ? message : undefined };
  } catch {
    return {};
  }
}
