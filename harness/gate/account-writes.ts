/** Which requests change IAM or Secrets Manager state, so the cached AccountView must be dropped. */
import type { ClassifiedRequest } from './http/classify.js';
import { isReadOnlyAction } from './http/classify.js';
import type { GateRequest } from './types.js';

const IAM_VERSION = '2010-05-08';

function signingService(request: GateRequest): string | undefined {
  return /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\//.exec(request.headers['authorization'] ?? '')?.[1];
}

export function changesAccount(request: GateRequest, classified: ClassifiedRequest): boolean {
  if (classified.protocol === 'query') {
    const iam = classified.params.get('Version') === IAM_VERSION || signingService(request) === 'iam';
    return iam && !isReadOnlyAction(classified.action);
  }
  if (classified.protocol === 'json') {
    return classified.target.toLowerCase().startsWith('secretsmanager.') && !isReadOnlyAction(classified.action);
  }
  return false;
}
