/** An in-memory stand-in for the STS, IAM and Secrets Manager calls the aws backend makes. */
type Tags = { Key: string; Value: string }[];
interface Command {
  constructor: { name: string };
  input: Record<string, unknown>;
}

export class FakeAws {
  readonly calls: string[] = [];
  roles = new Map<string, { tags: Tags; inline: string[]; attached: string[] }>();
  policies = new Map<string, Tags>();
  providers = new Map<string, Tags>();
  secrets = new Map<string, Tags>();
  constructor(readonly account = '999988887777') {}

  private handle(command: Command): unknown {
    const name = command.constructor.name.replace(/Command$/, '');
    const i = command.input as Record<string, string>;
    this.calls.push(name);
    switch (name) {
      case 'GetCallerIdentity':
        return { Account: this.account };
      case 'ListRoles':
        return { Roles: [...this.roles.keys()].map((RoleName) => ({ RoleName })) };
      case 'ListRoleTags':
        return { Tags: this.roles.get(i.RoleName!)?.tags };
      case 'ListRolePolicies':
        return { PolicyNames: this.roles.get(i.RoleName!)?.inline };
      case 'ListAttachedRolePolicies':
        return { AttachedPolicies: this.roles.get(i.RoleName!)?.attached.map((PolicyArn) => ({ PolicyArn })) };
      case 'DeleteRolePolicy':
      case 'DetachRolePolicy': {
        const role = this.roles.get(i.RoleName!)!;
        role.inline = role.inline.filter((p) => p !== i.PolicyName);
        role.attached = role.attached.filter((p) => p !== i.PolicyArn);
        return {};
      }
      case 'DeleteRole': {
        const role = this.roles.get(i.RoleName!)!;
        if (role.inline.length || role.attached.length) throw Object.assign(new Error('role has policies'), { name: 'DeleteConflict' });
        this.roles.delete(i.RoleName!);
        return {};
      }
      case 'ListPolicies':
        return { Policies: [...this.policies.keys()].map((Arn) => ({ Arn })) };
      case 'ListPolicyTags':
        return { Tags: this.policies.get(i.PolicyArn!) };
      case 'DeletePolicy':
        return this.policies.delete(i.PolicyArn!), {};
      case 'ListOpenIDConnectProviders':
        return { OpenIDConnectProviderList: [...this.providers.keys()].map((Arn) => ({ Arn })) };
      case 'ListOpenIDConnectProviderTags':
        return { Tags: this.providers.get(i.OpenIDConnectProviderArn!) };
      case 'DeleteOpenIDConnectProvider':
        return this.providers.delete(i.OpenIDConnectProviderArn!), {};
      case 'ListSecrets':
        return { SecretList: [...this.secrets].map(([ARN, Tags]) => ({ ARN, Tags })) };
      case 'DeleteSecret':
        return this.secrets.delete(i.SecretId!), {};
      default:
        throw new Error(`FakeAws: unexpected ${name}`);
    }
  }

  private sender = () => ({ send: async (command: object) => this.handle(command as Command) });
  clients = () => ({ sts: this.sender(), iam: this.sender(), secrets: this.sender() });
}
