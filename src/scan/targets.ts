import { UsageError } from '../errors.js';
import type { TargetSource } from '../gather/network.js';

/** One URL to scan and where it came from. */
export interface ScanTarget {
  url: string;
  /** 1-based: the input line, or the position in a list derived from the registry. */
  line: number;
  /** `--agent` for this target (scan --from-registry): the ERC-8004 cross-check runs too. */
  agent?: string;
  /** A method the target declares (a registry service's `method`), over the scan's -X. */
  method?: string;
  /** `data` for a registry endpoint (probed at public addresses only unless allowPrivate); a listed URL is the user's. */
  source?: TargetSource;
}

/** How many bad lines a usage error names before it says "and N more". */
const NAMED_BAD_LINES = 3;

function badReason(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `not an absolute URL: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unsupported URL scheme ${url.protocol} (expected http or https)`;
  return null;
}

/**
 * Read a scan list: one URL per line; blank lines and lines starting with `#` are ignored.
 * Every line is checked before anything is probed, so a typo on line 900 stops the scan
 * before it starts (a usage error naming the line), not after 899 probes.
 */
export function parseTargets(text: string): ScanTarget[] {
  const targets: ScanTarget[] = [];
  const bad: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const reason = badReason(line);
    if (reason === null) targets.push({ url: new URL(line).toString(), line: i + 1 });
    else bad.push(`line ${i + 1}: ${reason}`);
  });
  if (bad.length > 0) {
    const more = bad.length > NAMED_BAD_LINES ? ` (and ${bad.length - NAMED_BAD_LINES} more bad lines)` : '';
    throw new UsageError(`scan input ${bad.slice(0, NAMED_BAD_LINES).join('; ')}${more}`, { details: bad.join('\n') });
  }
  if (targets.length === 0) throw new UsageError('scan input has no URLs (one http(s) URL per line; # starts a comment)');
  return targets;
}

/** The politeness key: the host name, so every port of one machine shares its budget. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}
