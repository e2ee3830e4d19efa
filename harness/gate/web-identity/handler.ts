/** AssumeRoleWithWebIdentity through the gate: checks, then the emulator, then AWS's response shape. */
import type { Forwarder } from '../http/forward.js';
import { backendRequestId } from '../http/forward.js';
import { errorCodeOf, type GateResponse } from '../http/gate-response.js';
import type { SessionStore } from '../sessions.js';
import { errorXml, httpStatusOf, StsRefusal } from '../sts-error.js';
import type { GateDecision, GateRequest } from '../types.js';
import { checkAssumeRequest, type CheckDeps } from './checks.js';
import { rewriteSuccess } from './success-response.js';

export interface AssumeHandlerDeps extends CheckDeps {
  forwarder: Forwarder;
  sessions: SessionStore;
  enforce: boolean;
}

const OPERATION = 'AssumeRoleWithWebIdentity' as const;
const xmlHeaders = (requestId: string) => ({ 'content-type': 'text/xml', 'x-amzn-requestid': requestId });

export async function handleAssumeRoleWithWebIdentity(
  request: GateRequest,
  form: URLSearchParams,
  requestId: string,
  deps: AssumeHandlerDeps,
): Promise<GateResponse> {
  if (!deps.enforce) return passThrough(request, deps);
  let admitted;
  try {
    admitted = await checkAssumeRequest(form, deps);
  } catch (e) {
    if (e instanceof StsRefusal) return refusal(e, requestId);
    throw e;
  }
  const backend = await deps.forwarder.fetch(request);
  const text = backend.body.toString('utf8');
  if (backend.status !== 200) {
    const { code, message } = errorCodeOf(text);
    const backendId = backendRequestId(backend.headers, text) ?? requestId;
    return {
      ...backend,
      decision: {
        requestId: backendId, operation: OPERATION, outcome: code ?? `HTTP ${backend.status}`, httpStatus: backend.status,
        ...(message ? { message } : {}),
        explanation: [...admitted.explanation, `The gate admitted the request, but the emulator refused it (${code ?? backend.status}).`],
        trust: admitted.trust, assumptionsUsed: admitted.assumptionsUsed,
      },
    };
  }
  const { body, session } = rewriteSuccess(text, admitted, deps.clock.now(), requestId);
  deps.sessions.add(session);
  return {
    status: 200,
    headers: xmlHeaders(requestId),
    body,
    decision: {
      requestId, operation: OPERATION, outcome: 'allowed', httpStatus: 200,
      explanation: admitted.explanation, trust: admitted.trust, assumptionsUsed: admitted.assumptionsUsed,
    },
  };
}

function refusal(e: StsRefusal, requestId: string): GateResponse {
  const status = httpStatusOf(e.code);
  const decision: GateDecision = {
    requestId, operation: OPERATION, outcome: e.code, message: e.awsMessage, httpStatus: status,
    explanation: e.why, assumptionsUsed: [...e.assumptionsUsed],
    ...(e.trust ? { trust: e.trust } : {}),
  };
  return { status, headers: xmlHeaders(requestId), body: errorXml(e.code, e.awsMessage, requestId), decision };
}

async function passThrough(request: GateRequest, deps: AssumeHandlerDeps): Promise<GateResponse> {
  const backend = await deps.forwarder.fetch(request);
  const text = backend.body.toString('utf8');
  const { code, message } = backend.status === 200 ? {} : errorCodeOf(text);
  const backendId = backendRequestId(backend.headers, text) ?? 'unknown';
  return {
    ...backend,
    decision: {
      requestId: backendId, operation: OPERATION, outcome: backend.status === 200 ? 'allowed' : (code ?? `HTTP ${backend.status}`),
      httpStatus: backend.status, ...(message ? { message } : {}),
      explanation: [
        backend.status === 200
          ? 'enforcement off: the emulator admitted this without checking the token'
          : `enforcement off: the emulator refused this (${code ?? backend.status}) without the gate checking the token`,
      ],
      assumptionsUsed: [],
    },
  };
}
