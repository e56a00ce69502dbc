import http from 'node:http';
import type { Health } from './health.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface HttpServer {
  server: http.Server;
  /** binds the port; rejects with a message naming PORT/HOST when it is taken or not allowed */
  listen(port: number, host: string): Promise<number>;
  /** from now on requests go to the application (until then they get 503 "starting") */
  serve(handler: Handler): void;
  /**
   * Stops accepting connections and waits for the requests in flight; after `timeoutMs` the remaining connections
   * are cut. Responses sent while draining carry `Connection: close`, so keep-alive clients reconnect elsewhere.
   */
  close(timeoutMs: number): Promise<void>;
}

export class ListenError extends Error {}

/**
 * The HTTP server is bound before anything else starts: a port that is taken ends the process within
 * milliseconds, before a database is started or migrated for nothing.
 */
export function createHttpServer(health: Health): HttpServer {
  let handler: Handler = (_req, res) => {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '2' });
    res.end('starting');
  };
  const server = http.createServer((req, res) => {
    if (health.draining) res.setHeader('Connection', 'close');
    handler(req, res);
  });
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        const onError = (err: NodeJS.ErrnoException) => {
          const why =
            err.code === 'EADDRINUSE' ? 'is already in use (PORT)'
            : err.code === 'EACCES' ? 'may not be used by this user (PORT)'
            : err.code === 'EADDRNOTAVAIL' ? `is not available: no interface has the address ${host} (HOST)`
            : `cannot be opened: ${err.message}`;
          reject(new ListenError(`HTTP port ${port} on ${host} ${why}`, { cause: err }));
        };
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    serve(next) {
      handler = next;
    },
    close: (timeoutMs) =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
        force.unref();
        // Node 20's close() also closes the idle keep-alive connections; busy ones end after their response.
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
