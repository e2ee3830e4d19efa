/**
 * Turns a node:http request into a GateRequest with its body read, up to a limit: a body over the limit is
 * never buffered (a declared Content-Length over it is refused before reading; a chunked body is cut off).
 */
import type { IncomingMessage } from 'node:http';
import type { GateRequest } from '../types.js';

/**
 * [chosen] the largest body the gate reads: above every AWS limit of the modelled calls (a Secrets Manager
 * secret value is at most 65,536 bytes, an IAM policy document 131,072 characters), far below memory trouble
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
}

export async function readRequest(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<GateRequest> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const declared = Number(headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge(`declared ${declared} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge(`more than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks) };
}
