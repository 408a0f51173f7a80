import { checkTester } from '../../../test/helpers/checkTester.js';
import { followUp, paidExchange } from '../../../test/helpers/payment.js';
import * as siwxServed from './siwx-served.js';

const signedIn = (status: number | null) => ({ followUp: followUp({ siwx: { notSent: null, exchange: paidExchange(status ?? 200, status === null ? { status: null, error: { code: 'timeout', message: 't' } } : {}) } }) });

checkTester(siwxServed, {
  valid: [{ name: 'the paying buyer signed in and was served', artifacts: signedIn(200), messageId: 'served' }],
  invalid: [
    { name: 'sign-in advertised, yet a fresh 402: the buyer pays again', artifacts: signedIn(402), status: 'fail', messageId: 'notHonoured' },
    { name: 'a 401 for a valid sign-in', artifacts: signedIn(401), status: 'fail', messageId: 'failed' },
  ],
  skip: [
    { name: 'no sign-in-with-x declared', artifacts: { followUp: followUp({ siwx: { notSent: 'the 402 declares no sign-in-with-x extension', exchange: null } }) }, messageId: 'notSent' },
    { name: 'no answer', artifacts: signedIn(null), messageId: 'noAnswer' },
  ],
});
