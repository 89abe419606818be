import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../logger.js';

function reject(res: ServerResponse, status: number): void {
  // Close the connection: a client that sent garbage or too much is not worth keeping alive.
  res.writeHead(status, { connection: 'close' });
  res.end();
}

/**
 * Puts a guard in front of Bolt's HTTP receiver for POSTs to the events endpoint: the body is read once with the
 * size limit (413 beyond it) and must parse, with Bolt's own parser, to an object (400 otherwise). Bolt then reuses
 * the buffered body. Without this, a signed body of `null` or `"x"` makes Bolt 5.1 throw while reading
 * `body.ssl_check`, and the request is never answered.
 */
export function guardEventsEndpoint(receiver: HTTPReceiver, opts: { path: string; bodyLimit: number; logger: Logger }): void {
  const boltListener: RequestListener = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== opts.path) {
      boltListener(req, res);
      return;
    }
    HTTPModuleFunctions.bufferIncomingMessage(req, opts.bodyLimit).then(
      (buffered) => {
        let body: unknown;
        try {
          body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
        } catch {
          body = undefined;
        }
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          opts.logger.warn({ bytes: buffered.rawBody.length }, 'refused a request body that is not a JSON object or form');
          reject(res, 400);
          return;
        }
        boltListener(buffered, res);
      },
      (err: unknown) => {
        const tooLarge = HTTPModuleFunctions.isRawBodyError(err) && err.statusCode === 413;
        opts.logger.warn({ limit: opts.bodyLimit, err: tooLarge ? undefined : err }, tooLarge ? 'refused an oversized request body' : 'could not read a request body');
        reject(res, tooLarge ? 413 : 400);
      },
    );
  };
}
