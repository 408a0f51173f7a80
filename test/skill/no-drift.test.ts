/**
 * The skill never drifts from the CLIs it calls: every `x402-probe …` line it names parses against
 * the command tree buildProgram() builds (nothing is executed), every `obol sell …` line against the
 * current obol CLI as the reference records it, every check id it names exists, and it neither names
 * the renamed `obol sell` subcommand nor calls x402 v1 current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { allChecks } from '../../src/checks/index.js';
import { CONDITION_ORDER } from '../../src/obol/conditions.js';
import { END_MARKER, START_MARKER } from '../../scripts/gen-skill-troubleshooting.js';
import { obolSellProblem } from './obolCli.js';
import { commandProblem, namedCommands, SKILL_DIR, type SkillFile, skillFiles, tokenize } from './skillText.js';

const program = () => buildProgram({ io: { stdout: () => {}, stderr: () => {}, isTTY: false, color: false, env: {}, waitForInterrupt: () => new Promise<void>(() => {}) }, exitCode: 0 });

const where = (c: { file: string; line: number; text: string }) => `${c.file}:${c.line}: ${c.text}`;

/** The hand-written text: the generated table quotes the checks' meta, which has its own tests. */
function handWritten(file: SkillFile): string {
  const start = file.text.indexOf(START_MARKER);
  const end = file.text.indexOf(END_MARKER);
  return start >= 0 && end > start ? file.text.slice(0, start) + file.text.slice(end) : file.text;
}

const files = skillFiles();
const x402Lines = files.flatMap((f) => namedCommands(f, 'x402-probe'));

describe('the skill names only commands and flags that exist', () => {
  it('parses every x402-probe command line against the CLI command tree', () => {
    const problems = x402Lines.map((c) => ({ c, problem: commandProblem(program(), tokenize(c.text).slice(1)) })).filter((p) => p.problem);
    expect(problems.map((p) => `${where(p.c)}\n  → ${p.problem}`).join('\n')).toBe('');
  });

  it('names each step command in code blocks and the whole CLI surface it relies on', () => {
    const code = x402Lines.filter((c) => c.source === 'code').map((c) => tokenize(c.text).slice(1, 3).join(' '));
    for (const expected of ['preflight --json', 'market --model', 'market --type', 'sell inference', 'offer <name>']) expect(code.some((c) => c.startsWith(expected)), expected).toBe(true);
    const all = x402Lines.map((c) => c.text).join('\n');
    for (const flag of ['--pay', '--key-env', '--max-amount', '--per-mtok', '--dry-run', '--reporter github']) expect(all, flag).toContain(flag);
    expect(x402Lines.length).toBeGreaterThan(20);
  });

  it('parses every obol sell line against the current obol CLI', () => {
    const lines = files.flatMap((f) => namedCommands(f, 'obol sell'));
    const problems = lines.map((c) => ({ c, problem: obolSellProblem(tokenize(c.text).slice(2)) })).filter((p) => p.problem);
    expect(problems.map((p) => `${where(p.c)}\n  → ${p.problem}`).join('\n')).toBe('');
    expect(lines.some((c) => c.text.startsWith('obol sell inference') && c.text.includes('--network base-sepolia')), 'obol sell inference with an explicit testnet').toBe(true);
  });

  it('never names the renamed obol sell subcommand nor calls x402 v1 current, and says v2 is', () => {
    for (const file of files) {
      const text = handWritten(file);
      expect(text, file.name).not.toMatch(/obol\s+sell\s+probe\b/);
      expect(text, file.name).not.toMatch(/"?x402Version"?\s*:\s*1\b/);
      expect(text, file.name).not.toMatch(/\b(x402\s+)?v1\s+is\s+(the\s+)?(current|latest|default)\b/i);
      expect(text, file.name).not.toMatch(/\b(current|latest)\s+(x402\s+)?(protocol\s+)?version\s+is\s+1\b/i);
    }
    expect(files[0].text).toMatch(/x402 v2 is current/);
  });

  it('names only check ids that exist, and has a recovery entry for the common failures', () => {
    const ids = new Set(allChecks.map((c) => c.meta.id));
    const areas = new Set(allChecks.map((c) => c.meta.id.split('.')[0]));
    for (const file of files) {
      // `offer.expected` and `registry.agent` are also JSON report paths; a kebab name can only be a check id.
      const jsonPath = (m: RegExpMatchArray) => (m[1] === 'offer' || m[1] === 'registry') && !m[2].includes('-') && !ids.has(`${m[1]}.${m[2]}`);
      const named = [...handWritten(file).matchAll(/`([a-z0-9]+)\.([a-z0-9*][a-z0-9-]*)`/g)].filter((m) => areas.has(m[1]) && !jsonPath(m));
      for (const m of named) expect(m[2] === '*' || ids.has(`${m[1]}.${m[2]}`), `${file.name} names ${m[0]}, which is no check id`).toBe(true);
    }
    const recovery = files[0].text.slice(files[0].text.indexOf('## Recovery, by check id'));
    for (const id of ['offer.exists', 'offer.conditions-ready', 'offer.spec-agrees', 'req.eip712-domain', 'http.status-402', 'challenge.found', 'pay.paid-served', 'registry.*']) {
      expect(recovery, id).toContain(`### ${id}`);
    }
    const registryIds = [...ids].filter((id) => id.startsWith('registry.'));
    for (const id of registryIds) expect(recovery, `${id} in the registry.* entry`).toContain(`\`${id}\``);
  });

  it('keys offer.conditions-ready recovery by the six condition types, each with a command to re-run', () => {
    const section = files[0].text.slice(files[0].text.indexOf('### offer.conditions-ready'), files[0].text.indexOf('### offer.spec-agrees'));
    for (const type of CONDITION_ORDER) expect(section, type).toContain(`\`${type}\``);
    const recovery = files[0].text.slice(files[0].text.indexOf('## Recovery, by check id'));
    for (const entry of recovery.split('\n### ').slice(1)) expect(entry, entry.split('\n')[0]).toMatch(/x402-probe (offer|preflight|registry show) /);
  });
});

describe('docs/skill.md (the README section)', () => {
  const docs: SkillFile = { name: 'docs/skill.md', text: readFileSync(join(SKILL_DIR, '..', '..', 'docs', 'skill.md'), 'utf8') };

  it('names only commands and flags that exist, in its install steps and its worked example', () => {
    const x402 = namedCommands(docs, 'x402-probe').map((c) => ({ c, problem: commandProblem(program(), tokenize(c.text).slice(1)) }));
    const obol = namedCommands(docs, 'obol sell').map((c) => ({ c, problem: obolSellProblem(tokenize(c.text).slice(2)) }));
    expect(x402.length).toBeGreaterThan(4);
    expect([...x402, ...obol].filter((p) => p.problem).map((p) => `${where(p.c)}\n  → ${p.problem}`).join('\n')).toBe('');
    expect(docs.text).not.toMatch(/obol\s+sell\s+probe\b/);
  });

  it('installs the folder under the name the front matter gives, for the user and for a project', () => {
    expect(docs.text).toContain('~/.claude/skills/monetize-guide');
    expect(docs.text).toContain('.claude/skills/');
    expect(docs.text).toContain('skill/monetize-guide');
  });
});

describe('the drift detectors themselves', () => {
  const problem = (line: string) => commandProblem(program(), tokenize(line).slice(1));

  it('accepts real command lines, alternatives and placeholders', () => {
    expect(problem('x402-probe offer <name> -n <ns> --path /v1/chat/completions -X POST -d \'{"a":"b c"}\' --json')).toBeNull();
    expect(problem('x402-probe sell inference|http …')).toBeNull();
    expect(problem('x402-probe registry show 84532:2 --json')).toBeNull();
    expect(problem('x402-probe check https://x.test --no-attacks --reporter=junit --debug')).toBeNull();
    expect(problem('x402-probe scan urls.txt --json | jq .verdict')).toBeNull();
  });

  it('names an unknown command, subcommand, flag or extra argument', () => {
    expect(problem('x402-probe probe https://x.test')).toMatch(/no subcommand "probe"/);
    expect(problem('x402-probe sell inference|mcp q')).toMatch(/"x402-probe sell" has no subcommand "mcp"/);
    expect(problem('x402-probe offer q -n llm --per-request 0.1')).toMatch(/"x402-probe offer" has no option --per-request/);
    expect(problem('x402-probe sell inference q --model m --wallet 0x1')).toMatch(/no option --wallet/);
    expect(problem('x402-probe offer q llm')).toMatch(/takes 1 argument/);
    expect(problem('x402-probe preflight --json=yes')).toMatch(/takes no value/);
    expect(problem('x402-probe market --model')).toMatch(/needs a value/);
  });

  it('finds commands in code blocks (continued lines, after npx or run:) and inline code, not in JS', () => {
    const file: SkillFile = {
      name: 'x.md',
      text: ['Run `x402-probe offer q\n -n llm` now.', '```bash', 'npx x402-probe sell http q \\', '  --upstream a:1', '```', '```yaml', 'run: x402-probe check https://x --reporter github', '```', '```js', "// x402-probe nope", '```'].join('\n'),
    };
    expect(namedCommands(file, 'x402-probe').map((c) => [c.source, c.line, c.text])).toEqual([
      ['code', 4, 'x402-probe sell http q --upstream a:1'],
      ['code', 8, 'x402-probe check https://x --reporter github'],
      ['inline', 1, 'x402-probe offer q -n llm'],
    ]);
  });

  it('rejects obol sell lines the current CLI would refuse', () => {
    expect(obolSellProblem(tokenize('probe q -n llm'))).toMatch(/renamed to "test"/);
    expect(obolSellProblem(tokenize('inference q --per-hour 1'))).toMatch(/no option --per-hour/);
    expect(obolSellProblem(tokenize('http q --upstream api --port 8080 -n default --per-hour 0.6'))).toBeNull();
  });
});
