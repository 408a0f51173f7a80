import { artifactsFor, exchange, v1Response, v2Response, withHeaders } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { OBOL_FIXES } from '../../protocol/obol.js';
import * as exposeHeaders from './expose-headers.js';

const v2With = (headers: Record<string, string>) => artifactsFor(withHeaders(v2Response(), headers));

checkTester(exposeHeaders, {
  valid: [
    { name: 'both headers exposed by name', artifacts: v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'PAYMENT-REQUIRED, PAYMENT-RESPONSE' }), messageId: 'ok' },
    { name: 'every header exposed by *', artifacts: v2With({ 'access-control-allow-origin': 'https://app.example', 'access-control-expose-headers': '*' }) },
    { name: 'a v1 body challenge with Access-Control-Allow-Origin alone', artifacts: artifactsFor(withHeaders(v1Response(), { 'access-control-allow-origin': '*' })), messageId: 'okBody' },
  ],
  invalid: [
    { name: 'no Access-Control-Allow-Origin', artifacts: artifactsFor(v2Response()), status: 'fail', messageId: 'noAllowOrigin', fix: undefined },
    {
      name: "obol-stack's verifier (its catalog Link) sends no CORS headers: the fix says there is no obol setting and what to do instead",
      artifacts: v2With({ link: '</api/services.json>; rel="catalog"' }),
      status: 'fail',
      messageId: 'noAllowOrigin',
      fix: OBOL_FIXES.cors,
    },
    {
      name: 'a ServiceOffer probe is obol-stack whatever its headers',
      artifacts: { ...artifactsFor(v2Response()), offer: {} as never },
      status: 'fail',
      messageId: 'noAllowOrigin',
      fix: OBOL_FIXES.cors,
    },
    { name: 'PAYMENT-REQUIRED not exposed (x402#236)', artifacts: v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'X-Request-Id' }), status: 'fail', messageId: 'notExposed' },
    { name: 'only PAYMENT-RESPONSE missing', artifacts: v2With({ 'access-control-allow-origin': '*', 'access-control-expose-headers': 'payment-required' }), status: 'warn', messageId: 'responseNotExposed' },
  ],
  skip: [{ name: 'no challenge', artifacts: artifactsFor(exchange({ status: 200, body: 'hello' })), messageId: 'noChallenge' }],
});
