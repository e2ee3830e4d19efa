/** The issuers one mock IdP serves: profile, options, key ring and active faults of each. */
import { HarnessError } from '../errors.js';
import type { IdpFault, ProfileName } from '../scenario/model.js';
import { KeyRing, type SigningKey } from './keys.js';
import { profileNamed, type IdpProfile, type ProfileOptions } from './profiles/index.js';

export class IssuerEntry {
  readonly ring: Promise<KeyRing>;
  faults: ReadonlySet<IdpFault> = new Set();
  /** rotate-after-mint rotates once per activation */
  rotatedForFault = false;
  private foreign: Promise<SigningKey> | undefined;

  constructor(
    readonly issuer: string,
    readonly profile: IdpProfile,
    public options: ProfileOptions,
  ) {
    const count = typeof options.keys === 'number' ? options.keys : profile.initialKeys;
    this.ring = KeyRing.create(profile.keyStyle, count);
    this.ring.catch(() => undefined); // surfaced where awaited
  }

  foreignKey = async (): Promise<SigningKey> => {
    this.foreign ??= this.ring.then((ring) => ring.unpublished());
    return this.foreign;
  };

  /** the path (under the issuer) where this issuer's JWKS is served, from its own discovery document */
  jwksPath(): string {
    const jwksUri = String(this.profile.discovery(this.issuer, this.options).jwks_uri);
    return jwksUri.slice(this.issuer.replace(/\/+$/, '').length);
  }
}

export class IssuerRegistry {
  private readonly served = new Map<string, IssuerEntry>();
  /** issuers a token claims that the mock does not serve: signed by keys nobody publishes */
  private readonly unserved = new Map<string, IssuerEntry>();

  /** idempotent: serving an issuer again keeps its keys and takes the new options (a new profile gets new keys) */
  serve(issuer: string, profile: ProfileName, options: ProfileOptions = {}): IssuerEntry {
    const existing = this.served.get(issuer);
    if (existing && existing.profile.name === profile) {
      existing.options = options;
      return existing;
    }
    const entry = new IssuerEntry(issuer, profileNamed(profile), options);
    this.served.set(issuer, entry);
    return entry;
  }

  get(issuer: string): IssuerEntry | undefined {
    return this.served.get(issuer);
  }

  require(issuer: string): IssuerEntry {
    const entry = this.served.get(issuer);
    if (!entry) throw new HarnessError('IDP_UNKNOWN_ISSUER', `the mock IdP does not serve ${issuer}`);
    return entry;
  }

  /** the entry whose keys sign a token for `issuer` */
  signer(issuer: string, profile: ProfileName): IssuerEntry {
    const entry = this.served.get(issuer) ?? this.unserved.get(`${profile} ${issuer}`);
    if (entry) return entry;
    const stray = new IssuerEntry(issuer, profileNamed(profile), {});
    this.unserved.set(`${profile} ${issuer}`, stray);
    return stray;
  }
}
