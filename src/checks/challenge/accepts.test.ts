import { expect } from 'vitest';
import { challengeOf, exchange, v1Response, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester, including } from '../../../test/helpers/checkTester.js';
import * as accepts from './accepts.js';

const v2 = (list: unknown) => ({ challenge: challengeOf(v2Response(v2PaymentRequired(undefined, { accepts: list }))) });
const unpayable = [v2Requirement({ scheme: 'upto' }), v2Requirement({ network: 'solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp' })];

checkTester(accepts, {
  valid: [
    { name: 'a payable v2 requirement', artifacts: v2([v2Requirement()]), messageId: 'ok' },
    { name: 'a payable v1 requirement', artifacts: { challenge: challengeOf(v1Response()) } },
  ],
  invalid: [
    { name: 'an empty accepts', artifacts: v2([]), status: 'fail', messageId: 'empty' },
    { name: 'no accepts', artifacts: v2(undefined), status: 'fail', messageId: 'missing' },
    { name: 'accepts not an array', artifacts: v2({ scheme: 'exact' }), status: 'fail', messageId: 'notArray' },
    { name: 'no requirement payable by an EVM buyer, listing why', artifacts: v2(unpayable), status: 'warn', messageId: 'noneSignable', evidence: including('#0', '#1') },
    {
      name: 'more requirements than a buyer can sensibly validate, judging only the first ones',
      artifacts: v2(Array.from({ length: 65 }, () => v2Requirement())),
      status: 'warn',
      messageId: 'tooMany',
      data: { count: 65, judged: 64 },
    },
    {
      name: 'both: too many, and none of them payable',
      artifacts: v2(Array.from({ length: 65 }, () => v2Requirement({ scheme: 'upto' }))),
      status: 'warn',
      messageId: 'noneSignable',
      findings: [
        { status: 'warn', messageId: 'noneSignable', message: expect.stringContaining('None of the 64') },
        { status: 'warn', messageId: 'tooMany' },
      ],
    },
  ],
  skip: [{ name: 'no decoded challenge', artifacts: { challenge: challengeOf(exchange({ body: '' })) }, messageId: 'noChallenge' }],
});
