import { exchange, v2Response, withHeaders, withoutHeaders } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as noStore from './no-store.js';

checkTester(noStore, {
  valid: [
    { name: 'Cache-Control: no-store', artifacts: { unpaid: v2Response() }, messageId: 'noStore' },
    { name: 'no-store among other directives, in any case', artifacts: { unpaid: withHeaders(v2Response(), { 'cache-control': 'private, No-Store, max-age=0' }) }, messageId: 'noStore' },
  ],
  invalid: [
    { name: 'a 402 without Cache-Control (x402#2955)', artifacts: { unpaid: withoutHeaders(v2Response(), 'cache-control') }, status: 'fail', messageId: 'missing' },
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
