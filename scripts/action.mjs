#!/usr/bin/env node
// The GitHub Action's one step (action.yml): run `x402-probe check --json` with the inputs the
// runner hands over as INPUT_* variables, then write what a workflow reads: the report in the
// chosen format on the log, annotations (::error file=…), a JUnit file, a Markdown job summary
// appended to $GITHUB_STEP_SUMMARY, and outputs (verdict, failed, warnings, report-file,
// junit-file) in $GITHUB_OUTPUT. The buyer's key stays in the environment variable that
// `key-env` names: it is never on a command line, never printed, never written.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** An input as action.yml hands it over (INPUT_EXPECT_PRICE), or as a runner names it for JS actions (INPUT_EXPECT-PRICE); '' when unset. */
function input(name) {
  return (process.env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
}

function flag(name) {
  const value = input(name).toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  fail(`input ${name} must be true or false, not ${JSON.stringify(value)}`);
}

// Workflow commands: data escapes %, CR, LF; properties also escape : and ,.
const escapeData = (s) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** name<<DELIMITER … DELIMITER: multiline-safe, with a delimiter no value can contain. */
function setOutputs(outputs) {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    let delimiter;
    do delimiter = `x402_probe_${randomBytes(12).toString('hex')}`;
    while (value.includes(delimiter));
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }
  appendFileSync(file, text);
}

/** The workflow file the run came from (owner/repo/.github/workflows/x.yml@ref), for annotations. */
function annotationFile() {
  const given = input('annotation-file');
  if (given) return given;
  const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(process.env.GITHUB_WORKFLOW_REF ?? '');
  return match ? match[1] : '';
}

/** Stop before probing: one annotated line, outputs saying so, exit 2 (as the CLI's usage errors). */
function fail(line) {
  process.stdout.write(`::error title=x402-probe::${escapeData(line)}\n`);
  setOutputs({ verdict: 'error', failed: '', warnings: '', 'report-file': '', 'junit-file': '' });
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `## x402-probe: could not run\n\n${line.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c])}\n`);
  process.exit(2);
}

function checkArguments() {
  const url = input('url');
  if (!url) fail('input url is required');
  const args = ['check', url, '--json'];
  const values = { 'expect-price': '--expect-price', 'expect-pay-to': '--expect-pay-to', 'expect-network': '--expect-network', 'expect-asset': '--expect-asset', 'max-amount': '--max-amount', rpc: '--rpc', timeout: '--timeout', method: '-X' };
  for (const [name, option] of Object.entries(values)) if (input(name)) args.push(option, input(name));
  if (flag('strict')) args.push('--strict');
  if (input('attacks') && !flag('attacks')) args.push('--no-attacks');
  if (flag('pay')) {
    const keyEnv = input('key-env') || 'X402_PROBE_KEY';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(keyEnv)) fail(`input key-env must be an environment variable name, not ${JSON.stringify(keyEnv)}`);
    if (!process.env[keyEnv]) fail(`pay is true but ${keyEnv} is not set: give the step env ${keyEnv}: \${{ secrets.<your buyer key secret> }}`);
    // The variable's name goes on the command line; its value stays in the environment.
    args.push('--pay', '--key-env', keyEnv);
  }
  return args;
}

const { renderReport, reporterNames } = await import(pathToFileURL(join(ROOT, 'dist/report/index.js')).href);
const reporter = input('reporter') || 'pretty';
if (!reporterNames.includes(reporter)) fail(`input reporter must be one of ${reporterNames.join(', ')}, not ${JSON.stringify(reporter)}`);
const args = checkArguments();

const probe = spawnSync(process.execPath, [join(ROOT, 'bin/x402-probe'), ...args], { env: process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (probe.status === 2 || probe.status === null) fail((probe.stderr || `x402-probe ended by ${probe.signal}`).trim().split('\n')[0].replace(/^x402-probe: /, ''));
let report;
try {
  report = JSON.parse(probe.stdout);
} catch {
  fail(`x402-probe printed no JSON report (exit ${probe.status}): ${(probe.stderr || '').trim().split('\n')[0]}`);
}

const reportFile = resolve(input('report-file') || 'x402-probe-report.json');
const junitFile = resolve(input('junit-file') || 'x402-probe-junit.xml');
writeFileSync(reportFile, probe.stdout);
writeFileSync(junitFile, renderReport('junit', report));

// Annotations point at the workflow file, so they show on the run's summary page and on the file.
const file = annotationFile();
const annotated = renderReport('github', report)
  .split('\n')
  .filter(Boolean)
  .map((line) => (file ? line.replace(/^::(error|warning) /, `::$1 file=${escapeProperty(file)},`) : line));
if (reporter === 'github') {
  process.stdout.write(`${annotated.join('\n')}\n`);
} else {
  // The report carries seller strings, some with their raw newlines (html keeps them): a line of
  // it must never start a workflow command, so the runner is told to act on none until a token
  // the seller cannot guess.
  const resume = `x402-probe-${randomBytes(16).toString('hex')}`;
  const text = renderReport(reporter, report, { color: false });
  process.stdout.write(`::stop-commands::${resume}\n${text}${text.endsWith('\n') ? '' : '\n'}::${resume}::\n`);
  const annotations = annotated.filter((line) => line.startsWith('::'));
  if (annotations.length) process.stdout.write(`${annotations.join('\n')}\n`);
}
if (process.env.GITHUB_STEP_SUMMARY && input('summary').toLowerCase() !== 'false') appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${renderReport('markdown', report)}\n`);

// `failed` names what fails the verdict: the failures, and under strict the warnings too.
const ids = (keep) => report.checks.filter(keep).map((c) => c.id).join(',');
const failed = ids((c) => c.status === 'fail' || (report.strict && c.status === 'warn'));
setOutputs({ verdict: report.verdict, failed, warnings: ids((c) => c.status === 'warn'), 'report-file': reportFile, 'junit-file': junitFile });
process.exit(report.verdict === 'pass' ? 0 : 1);
