/** The services the gate decodes, with their protocol and API version. */
export const STS_VERSION = '2011-06-15';
export const IAM_VERSION = '2010-05-08';

/** Query services by API version */
export const QUERY_SERVICES: Readonly<Record<string, string>> = { [STS_VERSION]: 'sts', [IAM_VERSION]: 'iam' };
export const VERSION_OF: Readonly<Record<string, string>> = { sts: STS_VERSION, iam: IAM_VERSION };

/** Secrets Manager's operations (AWS JSON 1.1, `X-Amz-Target: secretsmanager.<Operation>`), as the API model names them */
export const SECRETS_MANAGER_OPERATIONS: ReadonlySet<string> = new Set([
  'BatchGetSecretValue', 'CancelRotateSecret', 'CreateSecret', 'DeleteResourcePolicy', 'DeleteSecret',
  'DescribeSecret', 'GetRandomPassword', 'GetResourcePolicy', 'GetSecretValue', 'ListSecretVersionIds',
  'ListSecrets', 'PutResourcePolicy', 'PutSecretValue', 'RemoveRegionsFromReplication',
  'ReplicateSecretToRegions', 'RestoreSecret', 'RotateSecret', 'StopReplicationToReplica', 'TagResource',
  'UntagResource', 'UpdateSecret', 'UpdateSecretVersionStage', 'ValidateResourcePolicy',
]);

/** services the gate models; a signed call to any other is an unmodelled service */
export const MODELLED_SERVICES: ReadonlySet<string> = new Set(['sts', 'iam', 'secretsmanager']);

/** Operation names as AWS's Query APIs take them: letters and digits, starting upper case. */
export const OPERATION_NAME = /^[A-Z][A-Za-z0-9]{0,127}$/;
