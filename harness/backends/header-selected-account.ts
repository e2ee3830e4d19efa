/** The account and region of an emulator that picks the account of each request from moto's header. */

/** moto 5.2.1 picks the account of each request from this header (verified; MOTO_ACCOUNT_ID would override it). */
export const MOTO_ACCOUNT_HEADER = 'x-moto-account-id';

export abstract class HeaderSelectedAccount {
  protected constructor(
    protected account: string,
    private readonly regionName: string,
  ) {}

  region(): string {
    return this.regionName;
  }
  accountId(): string {
    return this.account;
  }
  selectAccount(accountId: string): void {
    this.account = accountId;
  }
  requestHeaders(): Record<string, string> {
    return { [MOTO_ACCOUNT_HEADER]: this.account };
  }
}
