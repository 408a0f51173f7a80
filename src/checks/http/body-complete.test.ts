import { exchange } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as bodyComplete from './body-complete.js';

checkTester(bodyComplete, {
  valid: [{ name: 'a whole body', artifacts: { unpaid: exchange({ body: '{}', bodyBytes: 2 }) }, messageId: 'ok' }],
  invalid: [
    {
      name: 'a body cut by a reset (a warning, by severity)',
      artifacts: { unpaid: exchange({ bodyBytes: 100, bodyIncomplete: true, error: { code: 'reset', message: 'socket hang up' } }) },
      status: 'fail',
      messageId: 'incomplete',
      reported: 'warn',
    },
    { name: 'a body larger than the cap', artifacts: { unpaid: exchange({ bodyBytes: 1024 * 1024, bodyTruncated: true }) }, status: 'fail', messageId: 'truncated' },
  ],
  skip: [{ name: 'nothing answered', artifacts: { unpaid: exchange({ status: null, error: { code: 'refused', message: 'x' } }) }, messageId: 'noResponse' }],
});
