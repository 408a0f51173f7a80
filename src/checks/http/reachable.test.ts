import { expect } from 'vitest';
import { exchange } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as reachable from './reachable.js';

/** Each transport error code, with the messageId that names it. */
const CAUSES = [
  ['dns', 'dns'],
  ['refused', 'refused'],
  ['tls', 'tls'],
  ['reset', 'reset'],
  ['timeout', 'timeout'],
  ['deadline', 'deadline'],
  ['invalid-url', 'invalidUrl'],
  ['protocol', 'other'],
] as const;

checkTester(reachable, {
  valid: [{ name: 'any response, even an error status', artifacts: { unpaid: exchange({ status: 500 }) }, messageId: 'answered' }],
  invalid: [
    ...CAUSES.map(([code, messageId]) => ({
      name: `nothing answered: ${code}`,
      artifacts: { unpaid: exchange({ status: null, error: { code, message: `${code} happened` } }) },
      status: 'fail' as const,
      messageId,
      evidence: expect.stringContaining(code),
    })),
    {
      name: "an address the policy refused (nothing was sent), with the policy's reason",
      artifacts: { unpaid: exchange({ status: null, error: { code: 'forbidden-address', message: '127.0.0.1 is loopback; targets from registry data must be public (--allow-private)' } }) },
      status: 'fail',
      messageId: 'forbidden',
      message: expect.stringContaining('127.0.0.1 is loopback'),
    },
  ],
});
