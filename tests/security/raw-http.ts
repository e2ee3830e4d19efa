/**
 * Raw HTTP for the security suites: node:http where its checks allow the bytes, a plain socket where they
 * do not (request-targets such as `//` or `*`, header names node refuses). Every answer is read in full.
 */
import http from 'node:http';
import net from 'node:net';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  /** arrays send the header once per value, in order */
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  agent?: http.Agent;
}

export function send(origin: string, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(origin);
  // node sends GET/DELETE/OPTIONS bodies with neither length nor chunking unless told: declare the length
  const framed = Object.keys(request.headers ?? {}).some((h) => /^(content-length|transfer-encoding)$/i.test(h));
  const headers = request.body === undefined || framed ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: Number(url.port),
        method: request.method ?? 'GET',
        path: request.path,
        headers,
        agent: request.agent ?? false,
        // what a server sends back is never the test's subject here: accept lenient responses too
        insecureHTTPParser: true,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}

/**
 * Writes `bytes` on a fresh connection and resolves with everything the server sent until it closed (or
 * `idleMs` of silence). The status is parsed from the first line; 0 when the server sent nothing.
 */
export function sendBytes(origin: string, bytes: string | Buffer, idleMs = 2000): Promise<{ status: number; text: string }> {
  const url = new URL(origin);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    const done = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      socket.destroy();
      resolve({ status, text });
    };
    socket.setTimeout(idleMs, done);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', done);
    socket.on('error', done);
    socket.write(bytes);
  });
}
