// The command line every compile script shares: write each artifact, or with --check exit 1 when a
// committed one differs from what the sources compile to now.
import { readFileSync, writeFileSync } from 'node:fs';

/** `artifacts`: [name, path of its committed JSON, its text as compiled now]; `script`: how to regenerate them. */
export function writeOrCheckArtifacts(artifacts, script) {
  for (const [name, path, compile] of artifacts) {
    const text = compile();
    if (process.argv.includes('--check')) {
      const same = readFileSync(path, 'utf8') === text;
      process.stdout.write(same ? `${name} artifact is up to date\n` : `${name} artifact differs: run node ${script}\n`);
      if (!same) process.exitCode = 1;
    } else {
      writeFileSync(path, text);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
}
