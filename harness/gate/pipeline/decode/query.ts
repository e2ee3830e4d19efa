/**
 * AWS Query (STS, IAM): a POST with an application/x-www-form-urlencoded body (media type matched without
 * regard to case, as AWS does) or a GET whose parameters are the query string. Parameters come from one
 * place only; each may appear once.
 */
import { PRESIGN_PARAMS, type SigV4Authorization } from '../../reads/sigv4-authorization.js';
import type { GateRequest } from '../../types.js';
import type { QueryCall, Refusal } from '../call.js';
import { parseForm } from './form.js';
import { bodyText } from './body-text.js';
import { DECODE_MESSAGES, queryRefusal } from './refusals.js';
import { MODELLED_SERVICES, OPERATION_NAME, QUERY_SERVICES, VERSION_OF } from './services.js';

const FORM = /^application\/x-www-form-urlencoded\s*(;.*)?$/i;
const PRESIGN: ReadonlySet<string> = new Set(PRESIGN_PARAMS);

/** STS's operations; any other Action is InvalidAction */
const STS_OPERATIONS: ReadonlySet<string> = new Set([
  'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'AssumeRoot', 'DecodeAuthorizationMessage',
  'GetAccessKeyInfo', 'GetCallerIdentity', 'GetDelegatedAccessToken', 'GetFederationToken', 'GetSessionToken',
  'GetWebIdentityToken',
]);

export function decodeQuery(request: GateRequest, query: string, auth: SigV4Authorization | undefined): QueryCall | Refusal {
  const scopeService = auth?.scope.service;
  const refuse = (status: number, code: string, message: string, why: string): Refusal =>
    queryRefusal(status, code, message, why, scopeService === 'iam' ? 'iam' : 'sts');
  const urlParams = parseForm(query, auth?.form === 'query' ? PRESIGN : new Set());
  if (!urlParams.ok) return refuse(400, 'MalformedQueryString', DECODE_MESSAGES.malformedQuery, 'the URL query is not valid percent-encoding.');

  let params: Map<string, string>;
  if (request.method === 'POST' && FORM.test(request.headers['content-type'] ?? '')) {
    if (urlParams.params.size > 0) {
      return refuse(400, 'InvalidParameterCombination', DECODE_MESSAGES.actionInUrlAndBody,
        `the URL carries parameters (${[...urlParams.params.keys()].slice(0, 5).join(', ')}) besides a form-encoded body.`);
    }
    const text = bodyText(request);
    const body = text === undefined ? undefined : parseForm(text);
    if (!body || !body.ok) {
      if (body && body.fault === 'duplicate') {
        return refuse(400, 'InvalidParameterCombination', DECODE_MESSAGES.duplicateParameter(body.name ?? ''), `the parameter ${body.name} is given twice.`);
      }
      return refuse(400, 'MalformedQueryString', DECODE_MESSAGES.malformedQuery, 'the form body is not valid percent-encoded UTF-8.');
    }
    params = body.params;
  } else if (request.method === 'GET' && request.body.length === 0) {
    params = urlParams.params;
  } else {
    return refuse(400, 'MissingAction', DECODE_MESSAGES.notQuery,
      `a ${request.method} with Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')} and no X-Amz-Target is neither AWS Query nor AWS JSON.`);
  }
  const action = params.get('Action');
  const version = params.get('Version');
  params.delete('Action');
  params.delete('Version');
  if (action === undefined || action === '') return refuse(400, 'MissingAction', DECODE_MESSAGES.missingAction, 'the request names no Action.');

  let service: string;
  if (version !== undefined) service = QUERY_SERVICES[version] ?? (scopeService && !MODELLED_SERVICES.has(scopeService) ? scopeService : '');
  else service = scopeService ?? 'sts';
  const effectiveVersion = version ?? VERSION_OF[service] ?? '';
  if (service === '' || service === 'secretsmanager') {
    return refuse(400, 'InvalidAction', DECODE_MESSAGES.unknownAction(action, effectiveVersion),
      `no modelled Query service has API version ${JSON.stringify(effectiveVersion)}.`);
  }
  if (!OPERATION_NAME.test(action) || (service === 'sts' && !STS_OPERATIONS.has(action))) {
    return queryRefusal(400, 'InvalidAction', DECODE_MESSAGES.unknownAction(action, effectiveVersion),
      `${service} has no operation ${JSON.stringify(action.slice(0, 100))} (operation names are case-sensitive).`, service);
  }
  return { kind: 'call', protocol: 'query', service, operation: action, version: effectiveVersion, params, auth, raw: request };
}
