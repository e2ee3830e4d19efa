/** RSA signing keys and the per-issuer key ring (one key per simulated IdP replica). */
import { createHash } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

export interface KeyMaterial {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** the public JWK as exported: kty, n, e */
  publicJwk: JWK;
  /** PEM of the public key (SubjectPublicKeyInfo) */
  spkiPem: string;
}

/** How a profile names and publishes a key: the kid and the extra JWK fields its IdP emits. */
export interface KeyStyle {
  kid(material: KeyMaterial, index: number): string;
  /** the JWKS entry, in the field order the real IdP uses */
  jwk(material: KeyMaterial, kid: string, use: 'sig' | 'enc'): JWK;
  /** extra protected-header fields besides alg and kid (e.g. typ, x5t) */
  header(signingKey: SigningKey): Record<string, unknown>;
}

export interface SigningKey extends KeyMaterial {
  kid: string;
  /** the entry as published in the JWKS */
  jwk: JWK;
}

export async function generateKeyMaterial(): Promise<KeyMaterial> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  return { privateKey, publicKey, publicJwk, spkiPem: await exportSPKI(publicKey) };
}

export const modulusBytes = (material: KeyMaterial): Buffer => Buffer.from(material.publicJwk.n ?? '', 'base64url');

/** Gitpod's kid: "id-" + hex(sha256(modulus bytes)). */
export const gitpodKid = (material: KeyMaterial): string =>
  'id-' + createHash('sha256').update(modulusBytes(material)).digest('hex');

/** SHA-1 over the DER public key: stands in for the certificate digest GitHub's x5t/kid carry. */
export function sha1OfPublicKey(material: KeyMaterial): Buffer {
  const der = Buffer.from(material.spkiPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  return createHash('sha1').update(der).digest();
}

export const rsaJwk = (material: KeyMaterial, kid: string, use: 'sig' | 'enc'): JWK => ({
  use,
  kty: 'RSA',
  kid,
  alg: 'RS256',
  n: material.publicJwk.n,
  e: material.publicJwk.e,
});

/** The keys one issuer publishes. The newest `sig` key signs; older keys stay listed (cached replicas). */
export class KeyRing {
  private keys: SigningKey[] = [];
  private created = 0;

  constructor(private readonly style: KeyStyle) {}

  static async create(style: KeyStyle, count: number): Promise<KeyRing> {
    const ring = new KeyRing(style);
    for (let i = 0; i < Math.max(1, count); i++) await ring.add();
    return ring;
  }

  async add(use: 'sig' | 'enc' = 'sig'): Promise<SigningKey> {
    const material = await generateKeyMaterial();
    const kid = this.style.kid(material, this.created++);
    const key: SigningKey = { ...material, kid, jwk: this.style.jwk(material, kid, use) };
    this.keys.push(key);
    return key;
  }

  async rotate(dropOld = false): Promise<SigningKey> {
    const fresh = await this.add();
    if (dropOld) this.keys = [fresh];
    return fresh;
  }

  current(): SigningKey {
    const key = [...this.keys].reverse().find((k) => k.jwk.use === 'sig');
    if (!key) throw new TypeError('key ring has no signing key');
    return key;
  }

  header(key: SigningKey): Record<string, unknown> {
    return this.style.header(key);
  }

  /** makes a key of this ring's style that is NOT published (foreign-key, jku/x5u tampering) */
  async unpublished(): Promise<SigningKey> {
    const material = await generateKeyMaterial();
    const kid = this.style.kid(material, this.created++);
    return { ...material, kid, jwk: this.style.jwk(material, kid, 'sig') };
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.jwk) };
  }
}
