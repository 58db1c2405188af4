import { JuheError, JuheErrorCode } from '@zhengjian/juhe';
import type { AccessPort, AuthorizedKey } from '@zhengjian/access';

/** An `AccessPort` for unit tests: one valid key; `refuse` makes it answer a given code. */
export class FakeAccess implements AccessPort {
  static readonly KEY = 'k'.repeat(32);
  refuse: JuheErrorCode | undefined;
  readonly calls: Array<{ key: string | undefined; ip: string; cardType: number | null }> = [];

  async authorize(input: {
    key: string | undefined;
    ip: string;
    cardType: number | null;
    identified?: AuthorizedKey;
  }): Promise<AuthorizedKey> {
    this.calls.push(input);
    if (this.refuse !== undefined) throw new JuheError(this.refuse);
    if (input.key !== FakeAccess.KEY) throw new JuheError(JuheErrorCode.InvalidKey);
    return { id: '00000000-0000-4000-8000-000000000001', name: 'unit', isTest: false };
  }

  async identify(input: { key: string | undefined; ip: string }): Promise<AuthorizedKey> {
    if (input.key !== FakeAccess.KEY) throw new JuheError(JuheErrorCode.InvalidKey);
    return { id: '00000000-0000-4000-8000-000000000001', name: 'unit', isTest: false };
  }
}
