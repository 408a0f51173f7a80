/**
 * Reading the monetize-guide skill as its tests need it: front matter, the command lines it names
 * (in code blocks and inline code), the command under each `<!-- step:… -->` marker, a shell-like
 * tokenizer, and a check of an x402-probe command line against commander's own command tree.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command, Option } from 'commander';
import { parse } from 'yaml';

export const SKILL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'skill', 'monetize-guide');
export const SKILL_PATH = join(SKILL_DIR, 'SKILL.md');
export const SELLER_PROMPT_PATH = join(SKILL_DIR, 'references', 'seller-prompt.md');

export interface SkillFile {
  /** Path relative to the skill folder, for messages. */
  name: string;
  text: string;
}

export function skillFiles(): SkillFile[] {
  return [
    { name: 'SKILL.md', text: readFileSync(SKILL_PATH, 'utf8') },
    { name: 'references/seller-prompt.md', text: readFileSync(SELLER_PROMPT_PATH, 'utf8') },
  ];
}

/** YAML between the opening `---` line and the next one, and the markdown after it. */
export function frontMatter(text: string): { data: unknown; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return null;
  return { data: parse(match[1]), body: text.slice(match[0].length) };
}

/** One command line the skill names. */
export interface NamedCommand {
  file: string;
  /** 1-based line where it starts. */
  line: number;
  /** Where it was found: a fenced code block or an inline code span. */
  source: 'code' | 'inline';
  /** The text from the program name on, continuation lines joined. */
  text: string;
}

/** Fenced code blocks: language, first content line (1-based), lines. */
export function codeBlocks(text: string): { lang: string; line: number; lines: string[] }[] {
  const out: { lang: string; line: number; lines: string[] }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^\s*(```+|~~~+)\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end += 1;
    out.push({ lang: open[2].toLowerCase(), line: start + 1, lines: lines.slice(start, end) });
    i = end;
  }
  return out;
}

/** The text with fenced code blocks blanked (line count kept), for inline-code scanning. */
function withoutCodeBlocks(text: string): string {
  const lines = text.split('\n');
  for (const block of codeBlocks(text)) for (let i = block.line - 2; i < block.line - 1 + block.lines.length + 1 && i < lines.length; i += 1) lines[i] = '';
  return lines.join('\n');
}

const NOT_SHELL = new Set(['js', 'javascript', 'ts', 'typescript', 'json', 'mjs']);

/** Every command line for `program` (e.g. "x402-probe", "obol sell") in shell code blocks and inline code. */
export function namedCommands(file: SkillFile, program: string): NamedCommand[] {
  const out: NamedCommand[] = [];
  const escaped = program.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  // The program at a line start, after `$ `, `npx `, `run: `, an env assignment or a shell operator.
  const inLine = new RegExp(`(?:^|[\\s;&|(])(?:npx\\s+)?(${escaped}(?=\\s|$).*)$`);
  for (const block of codeBlocks(file.text)) {
    if (NOT_SHELL.has(block.lang)) continue;
    for (let i = 0; i < block.lines.length; i += 1) {
      const first = i;
      let joined = block.lines[i];
      while (joined.endsWith('\\') && i + 1 < block.lines.length) joined = `${joined.slice(0, -1)} ${block.lines[++i].trim()}`;
      const match = inLine.exec(joined);
      if (match) out.push({ file: file.name, line: block.line + first, source: 'code', text: match[1].replace(/\s+/g, ' ').trim() });
    }
  }
  const prose = withoutCodeBlocks(file.text);
  const start = new RegExp(`^(?:npx\\s+)?(${escaped}(?=\\s|$)[\\s\\S]*)$`);
  for (const span of prose.matchAll(/(?<!`)`([^`]+)`(?!`)/g)) {
    const match = start.exec(span[1].trim());
    if (!match) continue;
    const line = prose.slice(0, span.index).split('\n').length;
    out.push({ file: file.name, line, source: 'inline', text: match[1].replace(/\s+/g, ' ').trim() });
  }
  return out;
}

/** A shell operator that ends the command: `;`, `>`, `<<`, a pipe (`|` then a space) or `&&`. */
function isOperator(line: string, i: number): boolean {
  const c = line[i];
  const next = line[i + 1] ?? ' ';
  return c === ';' || c === '>' || (c === '<' && next === '<') || (c === '|' && /\s/.test(next)) || (c === '&' && next === '&');
}

/**
 * Split a command line as a POSIX shell would for our purposes: whitespace separates words, quotes
 * group, `#` at a word start begins a comment, and a shell operator (`|`, `&&`, `;`, `>`) ends the command.
 */
export function tokenize(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? line.length : end;
      inWord = true;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j += 1) word += line[j] === '\\' && j + 1 < line.length ? line[++j] : line[j];
      i = j;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (!inWord && c === '#') {
      break;
    } else if (!inWord && isOperator(line, i)) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The command line under `<!-- step:<name> -->` (the first line of the code block that follows it). */
export function stepCommand(text: string, step: string): { text: string; at: number } {
  const marker = `<!-- step:${step} -->`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`SKILL.md has no ${marker}`);
  const block = codeBlocks(text.slice(at)).at(0);
  if (!block) throw new Error(`no code block after ${marker}`);
  let joined = '';
  for (const line of block.lines) {
    joined += joined ? ` ${line.trim()}` : line;
    if (!joined.endsWith('\\')) break;
    joined = joined.slice(0, -1).trimEnd();
  }
  return { text: joined.trim(), at };
}

/** The code block under `<!-- step:<name> -->`, whole. */
export function stepBlock(text: string, step: string): string {
  const at = text.indexOf(`<!-- step:${step} -->`);
  if (at < 0) throw new Error(`SKILL.md has no <!-- step:${step} -->`);
  const block = codeBlocks(text.slice(at)).at(0);
  if (!block) throw new Error(`no code block after step ${step}`);
  return block.lines.join('\n');
}

const PLACEHOLDER_WORDS = new Set(['…', '...']);

function findOption(chain: readonly Command[], flag: string): Option | undefined {
  for (const command of chain) {
    const found = command.options.find((o) => o.long === flag || o.short === flag);
    if (found) return found;
  }
  return undefined;
}

/**
 * Why `words` (after the program name) is not a command line of `program`, or null when every
 * command, subcommand and flag it names exists. A word `a|b` where a subcommand is expected names
 * alternatives (prose such as "sell inference|http"); each one is checked. Missing arguments and
 * required options are not errors: prose may name a command without all of them.
 */
export function commandProblem(program: Command, words: readonly string[]): string | null {
  const walk = (chain: Command[], i: number, positional: number): string | null => {
    const command = chain[chain.length - 1];
    const path = chain.map((c) => c.name()).join(' ');
    if (i >= words.length) return null;
    const word = words[i];
    if (PLACEHOLDER_WORDS.has(word)) return walk(chain, i + 1, positional);
    if (word.startsWith('-') && word !== '-' && !/^-[0-9]/.test(word)) {
      const flag = word.includes('=') ? word.slice(0, word.indexOf('=')) : word;
      if (flag === '--help' || flag === '-h') return walk(chain, i + 1, positional);
      const option = findOption([...chain].reverse(), flag);
      if (!option) return `"${path}" has no option ${flag}`;
      const takesValue = option.required || option.optional;
      if (!takesValue && word.includes('=')) return `"${path}" option ${flag} takes no value`;
      if (option.required && !word.includes('=')) {
        if (i + 1 >= words.length) return `"${path}" option ${flag} needs a value`;
        return walk(chain, i + 2, positional);
      }
      if (option.optional && !word.includes('=') && i + 1 < words.length && !words[i + 1].startsWith('-')) return walk(chain, i + 2, positional);
      return walk(chain, i + 1, positional);
    }
    // A command may take arguments beside its subcommands (`scan <file>` and `scan merge`): commander
    // runs a subcommand only when the first operand names one.
    const namesSub = (w: string) => w.split('|').some((name) => command.commands.some((c) => c.name() === name || c.aliases().includes(name)));
    if (command.commands.length > 0 && positional === 0 && (command.registeredArguments.length === 0 || namesSub(word))) {
      for (const name of word.split('|')) {
        const sub = command.commands.find((c) => c.name() === name || c.aliases().includes(name));
        if (!sub) return `"${path}" has no subcommand ${JSON.stringify(name)} (it has ${command.commands.map((c) => c.name()).join(', ')})`;
        const problem = walk([...chain, sub], i + 1, 0);
        if (problem) return problem;
      }
      return null;
    }
    const args = command.registeredArguments;
    if (positional >= args.length && !args.at(-1)?.variadic) return `"${path}" takes ${args.length} argument${args.length === 1 ? '' : 's'}, and ${JSON.stringify(word)} would be one more`;
    return walk(chain, i + 1, positional + 1);
  };
  return walk([program], 0, 0);
}
