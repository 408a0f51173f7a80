/**
 * The `obol sell` command surface the skill may name, as /work/shared/reference/obol-serviceoffer.md
 * §2 records it for the current CLI (cmd/obol/sell.go at 5a65368c). obol cannot run here, so this
 * table stands in for its command tree; change it only when the reference changes.
 */

const SHARED_REGISTRATION = ['--no-register', '--register-name', '--register-description', '--register-image', '--register-skills', '--register-domains', '--register-metadata'];

/** Subcommand → the flags it takes (long and short spellings, aliases included). */
export const OBOL_SELL: Readonly<Record<string, readonly string[]>> = {
  // §2.2
  inference: [
    '--pay-to', '--wallet', '--recipient', '-w', '--price', '--per-request', '--per-mtok', '--network', '--chain', '--token', '--facilitator',
    '--listen', '-l', '--upstream', '-u', '--model', '--vm', '--vm-image', '--vm-cpus', '--vm-memory', '--vm-host-port',
    '--tee', '--model-hash', '--enclave-tag', '--provenance-file', '--description', ...SHARED_REGISTRATION,
  ],
  // §2.3
  http: [
    '--pay-to', '--wallet', '-w', '--network', '--chain', '--token', '--price', '--per-request', '--per-mtok', '--per-hour', '--namespace', '-n',
    '--upstream', '--port', '--health-path', '--path', '--max-timeout', '--hostname', '--route', '--async', '--result-visibility', '--job-ttl',
    '--max-in-flight', '--rps', '--accept', '--weight', '--category', '--provenance-file', '--from-json', ...SHARED_REGISTRATION,
  ],
  // §2.1: the subcommand formerly called "probe"; there is no alias.
  test: ['--namespace', '-n', '--path', '--host'],
  // §2.4
  list: ['--namespace', '-n'],
  status: ['--namespace', '-n'],
  stop: ['--namespace', '-n', '--grace', '--force', '--now'],
  update: ['--namespace', '-n', '--pay-to', '--network', '--price', '--per-request', '--per-mtok', '--per-hour', '--accept'],
  delete: ['--namespace', '-n', '--force', '-f', '-y', '--yes'],
  pricing: ['--pay-to', '--network', '--facilitator-url', '--from-json'],
  register: ['--chain', '--sponsored', '--endpoint', '--name', '--private-key-file'],
  mcp: ['--pay-to', '--network', '--price', '--tool-name', '--port', '--upstream', '--upstream-header'],
  // Named by the reference without a flag list: the skill may name them, with no flags.
  agent: [],
  demo: [],
  identity: [],
  info: [],
  resume: [],
};

/** Why an `obol sell …` line is not one the current CLI accepts, or null. `words` start after "obol sell". */
export function obolSellProblem(words: readonly string[]): string | null {
  if (words.length === 0 || words[0] === '…' || words[0] === '...') return null;
  for (const sub of words[0].split('|')) {
    const flags = OBOL_SELL[sub];
    if (!flags) return `obol sell has no subcommand ${JSON.stringify(sub)}${sub === 'probe' ? ' (it was renamed to "test")' : ''}`;
    for (const word of words.slice(1)) {
      if (!word.startsWith('-') || word === '--help' || word === '-h') continue;
      const flag = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
      if (!flags.includes(flag)) return `obol sell ${sub} has no option ${flag}`;
    }
  }
  return null;
}
