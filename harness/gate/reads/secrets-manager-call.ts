/** One Secrets Manager call by an assumed-role session, as the operation checks receive it. */
import type { JsonObject } from '../pipeline/decode/strict-json.js';
import type { AccountView, GateOperation } from '../types.js';
import { authorizeRead, type ReadAuthorization, type SessionPrincipal } from './authorize-read.js';

export interface SecretsManagerCall {
  /** the call's parameters, as decoded */
  params: JsonObject;
  operationName: string;
  operation: GateOperation;
  principal: SessionPrincipal;
  account: AccountView;
  requestId: string;
}

/** actions that take no resource (`*`); a denial message then has no "on resource:" part */
export function authorizeAccountLevel(call: SecretsManagerCall, action: string): Promise<ReadAuthorization> {
  return authorizeRead(call.principal, { action, resource: '*', resourceInMessage: '*' });
}
