/** A request body as text, for the decoders; undefined when it is not valid UTF-8. */
import type { GateRequest } from '../../types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function bodyText(request: GateRequest): string | undefined {
  try {
    return utf8.decode(request.body);
  } catch {
    return undefined;
  }
}
