/**
 * sts:AssumeRoleWithWebIdentity, the one unsigned call: the web-identity checks (harness/gate/web-identity),
 * the managed session policies (`PolicyArns`) resolved like the inline one, then the call rebuilt for the
 * emulator, then AWS's response shape. The issued credentials become a session of the gate.
 */
import { backendRequestId } from '../../http/forward.js';
import { errorCodeOf } from '../../http/gate-response.js';
import { MSG } from '../../messages.js';
import { errorXml, httpStatusOf, StsRefusal } from '../../sts-error.js';
import type { GateDecision, GateVerdict } from '../../types.js';
import { checkAssumeRequest, type AdmittedAssume } from '../../web-identity/checks.js';
import { rewriteSuccess } from '../../web-identity/success-response.js';
import type { QueryCall } from '../call.js';
import type { AuthorizeDeps } from './deps.js';

const OPERATION = 'AssumeRoleWithWebIdentity' as const;
const xmlHeaders = (requestId: string) => ({ 'content-type': 'text/xml', 'x-amzn-requestid': requestId });

export async function assumeRoleWithWebIdentity(call: QueryCall, deps: AuthorizeDeps): Promise<GateVerdict> {
  const { requestId } = deps;
  let admitted: AdmittedAssume;
  let managed: Record<string, unknown>[];
  try {
    admitted = await checkAssumeRequest(new URLSearchParams([...call.params]), deps);
    managed = await managedSessionPolicies(admitted, deps);
  } catch (e) {
    if (e instanceof StsRefusal) return refusal(e, requestId);
    throw e;
  }
  const backend = await deps.send(call);
  const text = backend.body.toString('utf8');
  if (backend.status !== 200) {
    const { code, message } = errorCodeOf(text);
    const backendId = backendRequestId(backend.headers, text) ?? requestId;
    return {
      kind: 'respond',
      status: backend.status,
      headers: Object.fromEntries(Object.entries(backend.headers).map(([k, v]) => [k, String(v)])),
      body: text,
      decision: {
        requestId: backendId, operation: OPERATION, outcome: code ?? `HTTP ${backend.status}`, httpStatus: backend.status,
        ...(message ? { message } : {}),
        explanation: [...admitted.explanation, `The gate admitted the request, but the emulator refused it (${code ?? backend.status}).`],
        trust: admitted.trust, assumptionsUsed: admitted.assumptionsUsed,
      },
    };
  }
  const { body, session } = rewriteSuccess(text, admitted, deps.clock.now(), requestId);
  deps.sessions.add(managed.length > 0 ? { ...session, managedSessionPolicies: managed } : session);
  return {
    kind: 'respond',
    status: 200,
    headers: xmlHeaders(requestId),
    body,
    decision: {
      requestId, operation: OPERATION, outcome: 'allowed', httpStatus: 200,
      explanation: admitted.explanation, trust: admitted.trust, assumptionsUsed: admitted.assumptionsUsed,
    },
  };
}

/** PolicyArns: each managed policy's default version applies like the inline session policy */
async function managedSessionPolicies(admitted: AdmittedAssume, deps: AuthorizeDeps): Promise<Record<string, unknown>[]> {
  const docs: Record<string, unknown>[] = [];
  for (const arn of admitted.params.policyArns) {
    const doc = /^arn:aws[\w-]*:iam::(\d{12}|aws):policy\//.test(arn) ? await deps.account.policy(arn) : undefined;
    if (doc) docs.push(doc);
    else if (deps.assumptions.missingSessionPolicyArnIsRefused) {
      throw new StsRefusal('ValidationError', MSG.noSuchSessionPolicy(arn), [
        `The managed session policy ${arn} (PolicyArns) does not exist.`,
      ], [...admitted.assumptionsUsed, 'missingSessionPolicyArnIsRefused']);
    }
  }
  return docs;
}

function refusal(e: StsRefusal, requestId: string): GateVerdict {
  const status = httpStatusOf(e.code);
  const decision: GateDecision = {
    requestId, operation: OPERATION, outcome: e.code, message: e.awsMessage, httpStatus: status,
    explanation: e.why, assumptionsUsed: [...e.assumptionsUsed],
    ...(e.trust ? { trust: e.trust } : {}),
  };
  return { kind: 'respond', status, headers: xmlHeaders(requestId), body: errorXml(e.code, e.awsMessage, requestId), decision };
}
