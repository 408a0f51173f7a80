import { describe, expect, it } from 'vitest';
import { fail, pass, warn } from '../checks/outcome.js';
import type { Check, CheckMeta } from '../checks/types.js';
import { exchange, target } from '../../test/helpers/artifacts.js';
import { docsUrl, runChecks } from './runChecks.js';

function makeCheck(meta: Partial<CheckMeta>, body: Check['check']): Check {
  const full: CheckMeta = {
    id: 'test.sample',
    title: 'A sample check',
    severity: 'error',
    specRef: 'https://example.com/spec',
    fix: 'Fix it.',
    requires: ['unpaid'],
    messages: { ok: 'Fine: {what}.', bad: 'Broken: {what}.', meh: 'Meh.' },
    ...meta,
  };
  return { meta: full, check: body };
}

const artifacts = { target: target(), unpaid: exchange({ status: 402 }) };

describe('runChecks', () => {
  it('passes the outcome through with the meta and a docs link', () => {
    const c = makeCheck({}, () => pass(c.meta, 'ok', { what: 'all' }, 'ev'));
    const [r] = runChecks([c], artifacts, {});
    expect(r).toEqual({
      id: 'test.sample',
      title: 'A sample check',
      status: 'pass',
      severity: 'error',
      message: 'Fine: all.',
      messageId: 'ok',
      evidence: 'ev',
      fix: 'Fix it.',
      specRef: 'https://example.com/spec',
      docsUrl: docsUrl('test.sample'),
    });
    expect(r.docsUrl.endsWith('/docs/checks.md#testsample')).toBe(true);
  });

  it('skips a check whose artifact is missing, naming the artifact and why it was not gathered', () => {
    let called = false;
    const c = makeCheck({ requires: ['unpaid', 'forged'] }, () => {
      called = true;
      return pass(c.meta, 'ok');
    });
    const [withReason] = runChecks([c], artifacts, { forged: 'attacks disabled (--no-attacks)' });
    expect(called).toBe(false);
    expect(withReason.status).toBe('skip');
    expect(withReason.messageId).toBe('missingArtifact');
    expect(withReason.message).toContain('"forged"');
    expect(withReason.message).toContain('attacks disabled (--no-attacks)');
    const [noReason] = runChecks([c], artifacts, {});
    expect(noReason.message).toContain('"forged"');
    expect(noReason.message).toContain('not gathered');
  });

  it('records a check that throws as a failure with "Internal error" and goes on', () => {
    const broken = makeCheck({ id: 'test.broken' }, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const fine = makeCheck({ id: 'test.fine' }, () => pass(fine.meta, 'ok'));
    const [a, b] = runChecks([broken, fine], artifacts, {});
    expect(a.status).toBe('fail');
    expect(a.messageId).toBe('internalError');
    expect(a.message).toContain('Internal error');
    expect(a.message).toContain('test.broken');
    expect(a.message).toContain("reading 'x'");
    expect(b.status).toBe('pass');
  });

  it('a check that throws a non-Error value still fails, not crashes', () => {
    const odd = makeCheck({}, () => {
      throw 'a string';
    });
    const [r] = runChecks([odd], artifacts, {});
    expect(r.status).toBe('fail');
    expect(r.message).toContain('a string');
  });

  it("shows a warning-severity check's fail as warn; an error-severity fail stays fail", () => {
    const w = makeCheck({ id: 'test.w', severity: 'warning' }, () => fail(w.meta, 'bad', { what: 'cors' }));
    const i = makeCheck({ id: 'test.i', severity: 'info' }, () => fail(i.meta, 'bad', { what: 'x' }));
    const e = makeCheck({ id: 'test.e', severity: 'error' }, () => fail(e.meta, 'bad', { what: 'x' }));
    const v = makeCheck({ id: 'test.v', severity: 'error' }, () => warn(v.meta, 'meh'));
    expect(runChecks([w, i, e, v], artifacts, {}).map((r) => [r.id, r.status])).toEqual([
      ['test.w', 'warn'],
      ['test.i', 'warn'],
      ['test.e', 'fail'],
      ['test.v', 'warn'],
    ]);
  });

  it('keeps the order of the checks given', () => {
    const ids = ['test.c', 'test.a', 'test.b'];
    const checks = ids.map((id) => {
      const c: Check = makeCheck({ id }, () => pass(c.meta, 'ok'));
      return c;
    });
    expect(runChecks(checks, artifacts, {}).map((r) => r.id)).toEqual(ids);
  });
});
