import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { listen } from '../src/http/server';

describe('the HTTP server', () => {
    it('gives a request the 10 minutes the platform gives (a 100 MB Bulk upload on a busy machine)', async () => {
        const server = http.createServer((_req, res) => res.end());
        await listen(server, 0);
        try {
            expect(server.requestTimeout).toBe(600_000);
            // Idle sockets outlive the clients' keep-alive (see listen).
            expect(server.keepAliveTimeout).toBeGreaterThan(4_000);
        } finally {
            await new Promise((resolve) => server.close(resolve));
        }
    });
});
