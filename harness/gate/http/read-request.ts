/** Turns a node:http request into a GateRequest with its body fully read. */
import type { IncomingMessage } from 'node:http';
import type { GateRequest } from '../types.js';

export async function readRequest(req: IncomingMessage): Promise<GateRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body: Buffer.concat(chunks) };
}
