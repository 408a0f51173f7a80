import { describe, expect, it } from 'vitest';
import { fail, pass, skip, warn } from '../checks/outcome.js';
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
      findings: [{ status: 'pass', messageId: 'ok', message: 'Fine: all.', evidence: 'ev' }],
    });
    expect(r.docsUrl.endsWith('/docs/checks.md#testsample')).toBe(true);
  });

  it('keeps the JSON key order: headline fields, evidence when there is some, the findings last', () => {
    const withEvidence = makeCheck({ id: 'test.a' }, () => [warn(withEvidence.meta, 'meh'), fail(withEvidence.meta, 'bad', { what: 'x' }, 'ev')]);
    const without = makeCheck({ id: 'test.b', severity: 'warning' }, () => fail(without.meta, 'bad', { what: 'y' }));
    const [a, b] = runChecks([withEvidence, without], artifacts, {});
    const head = ['id', 'title', 'status', 'severity', 'message', 'messageId', 'fix', 'specRef', 'docsUrl'];
    expect(Object.keys(a)).toEqual([...head, 'evidence', 'findings']);
    expect(Object.keys(b)).toEqual([...head, 'findings']);
    expect(Object.keys(a.findings[1])).toEqual(['status', 'messageId', 'message', 'evidence']);
    expect([a.status, a.message, b.status]).toEqual(['fail', 'Broken: x.', 'warn']);
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

  it('takes the status, message and evidence of the worst finding and lists every finding in order', () => {
    const c = makeCheck({}, () => [warn(c.meta, 'meh', {}, 'w0'), fail(c.meta, 'bad', { what: 'one' }, 'f1'), fail(c.meta, 'bad', { what: 'two' }), pass(c.meta, 'ok', { what: 'x' })]);
    const [r] = runChecks([c], artifacts, {});
    expect([r.status, r.messageId, r.message, r.evidence]).toEqual(['fail', 'bad', 'Broken: one.', 'f1']);
    expect(r.findings).toEqual([
      { status: 'warn', messageId: 'meh', message: 'Meh.', evidence: 'w0' },
      { status: 'fail', messageId: 'bad', message: 'Broken: one.', evidence: 'f1' },
      { status: 'fail', messageId: 'bad', message: 'Broken: two.' },
      { status: 'pass', messageId: 'ok', message: 'Fine: x.' },
    ]);
  });

  it('ranks fail > warn > pass > skip, the first of equals speaking for the check', () => {
    const c = makeCheck({}, () => [skip(c.meta, 'meh'), pass(c.meta, 'ok', { what: 'a' }), pass(c.meta, 'ok', { what: 'b' })]);
    const [r] = runChecks([c], artifacts, {});
    expect([r.status, r.message]).toEqual(['pass', 'Fine: a.']);
    const onlySkips = makeCheck({}, () => [skip(onlySkips.meta, 'meh')]);
    expect(runChecks([onlySkips], artifacts, {})[0].status).toBe('skip');
  });

  it("shows each fail of a warning-severity check as warn, its raw fail still outranking a raw warn", () => {
    const w = makeCheck({ severity: 'warning' }, () => [warn(w.meta, 'meh'), fail(w.meta, 'bad', { what: 'cors' })]);
    const [r] = runChecks([w], artifacts, {});
    expect([r.status, r.messageId]).toEqual(['warn', 'bad']);
    expect(r.findings.map((f) => [f.status, f.messageId])).toEqual([['warn', 'meh'], ['warn', 'bad']]);
  });

  it('records a check that reports no finding at all as an internal error', () => {
    const empty = makeCheck({ id: 'test.empty' }, () => []);
    const [r] = runChecks([empty], artifacts, {});
    expect([r.status, r.messageId]).toEqual(['fail', 'internalError']);
    expect(r.message).toContain('no finding');
    expect(r.findings).toHaveLength(1);
  });

  it('gives a skipped or broken check one finding, its headline', () => {
    const c = makeCheck({ requires: ['forged'] }, () => pass(c.meta, 'ok'));
    const [r] = runChecks([c], artifacts, {});
    expect(r.findings).toEqual([{ status: 'skip', messageId: 'missingArtifact', message: r.message }]);
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
