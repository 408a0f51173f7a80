/**
 * `watch --webhook <url>`: POST each change event as JSON. The URL is the user's own (source
 * `user`); every post has a timeout, no redirects and a small answer cap, and a failure is
 * returned as a line to log, never thrown: a webhook that is down never stops watch.
 */
import { exchange } from '../gather/http.js';
import { redactSecrets } from '../util/redact.js';
import { safeStringify } from '../util/safeJson.js';

export interface PostWebhookParameters {
  url: string;
  event: unknown;
  timeoutMs: number;
}

/** null when the webhook answered 2xx, else why not (one line). */
export async function postWebhook(params: PostWebhookParameters): Promise<string | null> {
  // Events hold no key; redaction is the backstop the house applies to every line leaving the process.
  const body = redactSecrets(safeStringify(params.event));
  const result = await exchange({
    url: params.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/plain, */*' },
    body,
    timeoutMs: params.timeoutMs,
    maxRedirects: 0,
    bodyCap: 16 * 1024,
    source: 'user',
  });
  if (result.error) return `webhook ${result.error.code}: ${result.error.message}`;
  if (result.status === null || result.status < 200 || result.status > 299) return `webhook answered HTTP ${result.status}`;
  return null;
}
