/**
 * A server that does no work: it answers requests with responses recorded from the local org
 * beforehand (the same bytes), so a client's time against it is the client's own work and the
 * HTTP between them. That time is the least the client can take against any server, and its
 * ratio to a baseline the most the client's ratio can reach: the floor under a figure measured
 * through jsforce, apart from the org's share.
 *
 * Listens on 127.0.0.1 only; request bodies are read to their end and dropped.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded response, for requests of `method` to `url` (its path, and its `q` if any). */
export interface Recorded {
    method: string;
    url: string;
    status: number;
    contentType: string;
    body: Buffer;
}

export interface ReplayServer {
    instanceUrl: string;
    close(): Promise<void>;
}

export async function startReplayServer(responses: Recorded[]): Promise<ReplayServer> {
    const byRequest = new Map(responses.map((r) => [requestKey(r.method, r.url), r]));
    const server: Server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
            const found = byRequest.get(requestKey(req.method ?? 'GET', req.url ?? '/'));
            if (!found) {
                res.writeHead(404, { 'Content-Type': 'application/json' });
                res.end(JSON.stringify([{ errorCode: 'NOT_FOUND', message: `${req.url}` }]));
                return;
            }
            res.writeHead(found.status, {
                'Content-Type': found.contentType,
                'Content-Length': found.body.length
            });
            res.end(found.body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
        instanceUrl: `http://127.0.0.1:${port}`,
        close: () =>
            new Promise<void>((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            })
    };
}

/**
 * A request's method, path and SOQL text: clients encode a query's `q` their own ways (`+` or
 * `%20`), the same query all the same.
 */
function requestKey(method: string, url: string): string {
    const u = new URL(url, 'http://replay');
    const q = u.searchParams.get('q');
    return `${method} ${u.pathname}${q === null ? '' : `?q=${q}`}`;
}

/** Records what a server answered to a request (its status, content type and bytes). */
export async function record(method: string, url: string, response: Response): Promise<Recorded> {
    return {
        method,
        url,
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: Buffer.from(await response.arrayBuffer())
    };
}
