import { expect } from 'vitest';
import type { GarbageArtifact, GarbageEncoding, HttpExchange } from '../../artifacts/index.js';
import { answered, unanswered } from '../../../test/helpers/attacks.js';
import { exchange } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as garbageRejected from './garbage-rejected.js';

const ENCODINGS: GarbageEncoding[] = ['bad-base64', 'not-json', 'wrong-shape', 'oversized', 'version-mismatch'];

/** Every encoding answered 402, except those given. */
const garbage = (answers: Partial<Record<GarbageEncoding, HttpExchange | 'notSent'>> = {}): { garbage: GarbageArtifact } => ({
  garbage: {
    headerName: 'PAYMENT-SIGNATURE',
    attempts: ENCODINGS.map((encoding) => {
      const answer = answers[encoding] ?? answered(402);
      return answer === 'notSent' ? { encoding, bytes: 40, notSent: 'the seller did not answer the not-json encoding', exchange: null } : { encoding, bytes: 40, exchange: answer };
    }),
  },
});

checkTester(garbageRejected, {
  valid: [
    { name: 'every encoding answered 402', artifacts: garbage(), messageId: 'rejected', data: { encoding: 'bad-base64', status: 402 } },
    { name: 'a stock Node server answers the oversized header 431, nginx and express 400', artifacts: garbage({ oversized: answered(431) }), messageId: 'rejected' },
    {
      name: 'the oversized header alone, refused as too large',
      artifacts: { garbage: { headerName: 'X-PAYMENT', attempts: [{ encoding: 'oversized', bytes: 16_404, exchange: answered(413) }] } },
      messageId: 'tooLarge',
      data: { status: 413 },
    },
  ],
  invalid: [
    {
      name: 'a 500 on bad base64 (x402scan#1169), naming the encoding',
      artifacts: garbage({ 'bad-base64': answered(500) }),
      status: 'fail',
      messageId: 'crashed',
      data: { encoding: 'bad-base64', status: 500 },
      evidence: expect.stringContaining('bad-base64'),
    },
    { name: 'the wrong shape served', artifacts: garbage({ 'wrong-shape': answered(200) }), status: 'fail', messageId: 'served', data: { encoding: 'wrong-shape', status: 200 } },
    { name: 'a 400 is a warning', artifacts: garbage({ 'not-json': answered(400) }), status: 'warn', messageId: 'rejectedOther', data: { encoding: 'not-json', status: 400 } },
    { name: 'oversized refused with 403: a warning', artifacts: garbage({ oversized: answered(403) }), status: 'warn', messageId: 'rejectedOther' },
    {
      name: 'obol-stack answers bad base64 400: the finding says there is no obol setting',
      artifacts: { ...garbage({ 'bad-base64': answered(400) }), unpaid: exchange({ status: 402, headers: { link: '</api/services.json>; rel="catalog"' } }) },
      status: 'warn',
      messageId: 'rejectedOther',
      fix: expect.stringContaining('obol-stack has no setting'),
    },
    { name: 'a redirect', artifacts: garbage({ 'version-mismatch': answered(302) }), status: 'warn', messageId: 'redirected' },
    { name: 'an odd status', artifacts: garbage({ 'version-mismatch': answered(103) }), status: 'warn', messageId: 'unexpected' },
    { name: 'a hang, and the rest not sent', artifacts: garbage({ 'not-json': unanswered('timeout'), 'wrong-shape': 'notSent' }), status: 'warn', messageId: 'noResponse', data: { encoding: 'not-json', code: 'timeout' } },
    { name: 'cut by the run deadline', artifacts: garbage({ oversized: unanswered('deadline') }), status: 'warn', messageId: 'deadline' },
    {
      name: 'the worst finding leads, every encoding is listed',
      artifacts: garbage({ 'not-json': answered(400), 'version-mismatch': answered(500) }),
      status: 'fail',
      messageId: 'crashed',
      findings: [
        { status: 'pass', messageId: 'rejected' },
        { status: 'warn', messageId: 'rejectedOther' },
        { status: 'pass', messageId: 'rejected' },
        { status: 'pass', messageId: 'rejected' },
        { status: 'fail', messageId: 'crashed', data: { encoding: 'version-mismatch', status: 500 } },
      ],
    },
  ],
  skip: [{ name: 'nothing sent', artifacts: { garbage: { headerName: 'X-PAYMENT', attempts: [{ encoding: 'bad-base64', bytes: 4, notSent: 'no', exchange: null }] } }, messageId: 'notSent' }],
});
