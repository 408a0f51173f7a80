import { createServer } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import { listenLoopback, type LoopbackServer } from '../httpServer.js';
import { applyCitizenHeaders, forwardToUpstream, MAX_FORWARD_BYTES, REGISTRATION_PATH, registrationHolder, type RegistrationFile } from './common.js';

export interface ExpressSellerApp {
  app: Express;
  registration: ReturnType<typeof registrationHolder>;
}

/**
 * The part both express sellers share, in order: citizen headers (CORS, no-store on 402), the
 * free registration file, a JSON body parser. The caller adds its payment middleware and then
 * calls `finish`, which mounts the paid route (forwarded to the upstream) and an error handler.
 */
export async function createExpressSeller(): Promise<ExpressSellerApp> {
  const { default: express } = await import('express');
  const app = express();
  app.disable('x-powered-by');
  const registration = registrationHolder();
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!applyCitizenHeaders(req, res)) next();
  });
  app.get(REGISTRATION_PATH, (_req: Request, res: Response) => {
    const document: RegistrationFile | null = registration.get();
    if (!document) res.status(404).json({ error: 'agent not registered yet' });
    else res.json(document);
  });
  app.use(express.json({ limit: MAX_FORWARD_BYTES }));
  return { app, registration };
}

export interface PaidRoute {
  method: 'POST' | 'GET';
  path: string;
  upstreamUrl: string;
  upstreamPath: string;
  /** Runs before the upstream is asked, once the payment is verified (an upto seller names its settlement amount here). */
  beforeServing?: (res: Response) => void;
}

export async function finishExpressSeller(seller: ExpressSellerApp, route: PaidRoute): Promise<LoopbackServer> {
  const { app } = seller;
  const handler = async (req: Request, res: Response) => {
    route.beforeServing?.(res);
    const body = req.body && typeof req.body === 'object' && Object.keys(req.body).length > 0 ? Buffer.from(JSON.stringify(req.body)) : null;
    const reply = await forwardToUpstream(route.upstreamUrl, route.upstreamPath, req.method, body, body ? 'application/json' : undefined);
    res.status(reply.status).type(reply.contentType).send(reply.body);
  };
  if (route.method === 'POST') app.post(route.path, handler);
  else app.get(route.path, handler);
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not found' });
  });
  // express's own error path (bad JSON, oversized body) answers in JSON instead of an HTML stack trace.
  app.use((error: { status?: number; statusCode?: number; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (res.headersSent) return void res.end();
    res.status(status >= 400 && status < 600 ? status : 500).json({ error: status < 500 ? (error.message ?? 'bad request') : 'internal error' });
  });
  return listenLoopback(createServer(app));
}
