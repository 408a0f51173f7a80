/** One line of `watch` output per event: NDJSON with --json, else a line a person reads. Pure. */
import type { PriceView } from './changes.js';
import { printable } from './labels.js';
import type { WatchEvent } from './watchTarget.js';

const priceText = (p: PriceView | null): string =>
  p === null ? 'none' : p.price !== null ? `${printable(p.price, 40)} ${printable(p.symbol ?? 'units', 20)}` : `${printable(p.amount, 80)} atomic of ${printable(p.asset, 60)}`;
const ids = (list: string[]): string => (list.length === 0 ? 'none' : list.join(', '));
/** Seller text reaches JSON as JSON strings; in a line it is cleaned and clipped. */
const time = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

export function renderWatchEvent(event: WatchEvent): string {
  const head = `${time(event.at)} ${event.target}`;
  switch (event.event) {
    case 'baseline': {
      const first = event.requirements[0];
      const offer = first ? ` · ${priceText(first)} to ${printable(first.payTo, 60)}${event.requirements.length > 1 ? ` (+${event.requirements.length - 1} more)` : ''}` : '';
      return `${head} ${event.verdict}${event.failing.length ? ` (failing: ${ids(event.failing)})` : ''}${offer}`;
    }
    case 'change':
      switch (event.kind) {
        case 'verdict':
          return event.to === 'fail'
            ? `${head} pass -> fail: ${ids(event.failing)}`
            : `${head} fail -> pass${event.recovered.length ? ` (recovered: ${ids(event.recovered)})` : ''}`;
        case 'checks':
          return `${head} still failing;${event.failing.length ? ` now also: ${ids(event.failing)};` : ''}${event.recovered.length ? ` recovered: ${ids(event.recovered)}` : ''}`.replace(/;$/, '');
        case 'price':
          return `${head} price of requirement ${event.requirement}: ${priceText(event.from)} -> ${priceText(event.to)}`;
        case 'payTo':
          return `${head} payTo of requirement ${event.requirement}: ${printable(event.from, 60)} -> ${printable(event.to, 60)}`;
      }
      break;
    case 'pay-skipped':
      return `${head} ${event.reason}`;
    case 'probe-error':
      return `${head} probe could not run: ${printable(event.message, 300)}`;
    case 'stopped':
      return `${head} stopped after ${event.probes} probe${event.probes === 1 ? '' : 's'}${event.aborted ? ' (the probe in flight was aborted)' : ''}`;
  }
  return head;
}
