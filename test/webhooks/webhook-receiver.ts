import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The status the receiver answered. */
  answered: number;
}

/**
 * A webhook endpoint on 127.0.0.1 for the tests: records every request with its raw body and answers 204, or 500
 * for the first `failures` requests of a path (`failFirst`).
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly failuresLeft = new Map<string, number>();
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const left = this.failuresLeft.get(path) ?? 0;
        const answered = left > 0 ? 500 : 204;
        if (left > 0) this.failuresLeft.set(path, left - 1);
        this.received.push({ path, headers: req.headers, rawBody: Buffer.concat(chunks), answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** `http://127.0.0.1:<port><path>`. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The next `failures` requests to `path` get a 500. */
  failFirst(path: string, failures: number): void {
    this.failuresLeft.set(path, failures);
  }

  /** Requests to `path`, in arrival order. */
  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
