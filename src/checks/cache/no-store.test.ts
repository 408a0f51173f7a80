import { exchange, v2Response, withHeaders, withoutHeaders } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { OBOL_FIXES } from '../../protocol/obol.js';
import * as noStore from './no-store.js';

const OBOL_LINK = { link: '</api/services.json>; rel="catalog"' };

checkTester(noStore, {
  valid: [
    { name: 'Cache-Control: no-store', artifacts: { unpaid: v2Response() }, messageId: 'noStore' },
    { name: 'no-store among other directives, in any case', artifacts: { unpaid: withHeaders(v2Response(), { 'cache-control': 'private, No-Store, max-age=0' }) }, messageId: 'noStore' },
  ],
  invalid: [
    { name: 'a 402 without Cache-Control (x402#2955)', artifacts: { unpaid: withoutHeaders(v2Response(), 'cache-control') }, status: 'fail', messageId: 'missing', fix: undefined },
    {
      name: "obol-stack's verifier (its catalog Link) sends no Cache-Control: the fix says there is no obol setting and what to do instead",
      artifacts: { unpaid: withHeaders(withoutHeaders(v2Response(), 'cache-control'), OBOL_LINK) },
      status: 'fail',
      messageId: 'missing',
      fix: OBOL_FIXES.cache,
    },
    ...['private', 'no-cache', 'max-age=60', 'public, max-age=3600'].map((value) => ({
      name: `Cache-Control: ${value}, without no-store`,
      artifacts: { unpaid: withHeaders(v2Response(), { 'cache-control': value }) },
      status: 'fail' as const,
      messageId: 'weak' as const,
    })),
  ],
  skip: [
    { name: 'a 200', artifacts: { unpaid: exchange({ status: 200 }) }, messageId: 'not402' },
    { name: 'no response', artifacts: { unpaid: exchange({ status: null }) }, messageId: 'not402' },
  ],
});
