/**
 * Who may call the API: a bearer token (`Authorization: Bearer|OAuth <token>`,
 * what jsforce and the sf CLI send) or the browser app's HttpOnly session
 * cookie (set by `/login?token=`). Tokens are compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors';

export const SESSION_COOKIE = 'leadloop_session';

export function safeEqual(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}

export interface Credentials {
    kind: 'bearer' | 'cookie';
    token: string;
}

/** The token a request carries, and how; undefined when it carries none. */
export function credentials(req: IncomingMessage): Credentials | undefined {
    const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (m) return { kind: 'bearer', token: m[1] };
    const cookie = (req.headers.cookie ?? '')
        .split(';')
        .map((c) => c.trim())
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!cookie) return undefined;
    try {
        return {
            kind: 'cookie',
            token: decodeURIComponent(cookie.slice(SESSION_COOKIE.length + 1))
        };
    } catch {
        return undefined;
    }
}

/** Refreshed tokens kept valid at once (the oldest refreshed ones expire first). */
const MAX_SESSIONS = 1_000;

/**
 * The org's sessions: the access token it started with plus one per refresh, each valid until
 * the org restarts (as on the platform, a refresh never signs other clients out). A token has
 * the platform's shape, `<15-character org id>!<secret>`.
 */
export class Sessions {
    private latest: string;
    private readonly refreshed: string[] = [];

    constructor(
        private readonly initial: string,
        readonly refreshToken: string
    ) {
        this.latest = initial;
    }

    /** The newest access token (what `npm start` prints and the browser app is given). */
    get current(): string {
        return this.latest;
    }

    isValid(token: string): boolean {
        // Every comparison runs, so the time taken says nothing about which token matched.
        let valid = safeEqual(token, this.initial);
        for (const t of this.refreshed) valid = safeEqual(token, t) || valid;
        return valid;
    }

    /** The request's credentials when they carry a valid token (bearer or session cookie). */
    authorize(req: IncomingMessage): Credentials | undefined {
        const c = credentials(req);
        return c !== undefined && this.isValid(c.token) ? c : undefined;
    }

    /** A new access token for a valid refresh token; undefined when the refresh token is wrong. */
    refresh(refreshToken: string): string | undefined {
        if (!safeEqual(refreshToken, this.refreshToken)) return undefined;
        this.latest = this.issue();
        return this.latest;
    }

    /**
     * Ends a session made by a refresh or a sign-in (SOAP logout); the org's own token stays.
     * Answers whether the token was one of them.
     */
    revoke(token: string): boolean {
        const at = this.refreshed.findIndex((t) => safeEqual(t, token));
        if (at === -1) return false;
        this.refreshed.splice(at, 1);
        if (this.latest === token) this.latest = this.refreshed.at(-1) ?? this.initial;
        return true;
    }

    /** A new access token (a sign-in's session), valid like the others until the org restarts. */
    issue(): string {
        const token = `${this.initial.split('!')[0]}!${randomBytes(24).toString('base64url')}`;
        this.refreshed.push(token);
        if (this.refreshed.length > MAX_SESSIONS) this.refreshed.shift();
        return token;
    }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(url: string): string | undefined {
    try {
        return new URL(url).origin;
    } catch {
        return undefined;
    }
}

/**
 * A browser sends the session cookie with requests from any page of the same site, and every
 * port of 127.0.0.1 is the same site. So a state-changing request signed only by the cookie
 * must come from the org's own pages (Origin, or Referer when there is no Origin, is this
 * server's origin) and, when it has a body, be JSON (a cross-origin page can send text/plain
 * or form bodies without asking; JSON needs a CORS preflight this server never grants).
 * Bearer-token clients do not depend on ambient credentials and are not checked.
 */
export function checkBrowserWrite(req: IncomingMessage, c: Credentials): void {
    if (c.kind !== 'cookie' || SAFE_METHODS.has(req.method ?? 'GET')) return;
    const port = req.socket.localPort;
    const own = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const from =
        typeof req.headers.origin === 'string'
            ? originOf(req.headers.origin)
            : typeof req.headers.referer === 'string'
              ? originOf(req.headers.referer)
              : undefined;
    if (!from || !own.includes(from))
        throw new ApiError(
            403,
            'INSUFFICIENT_ACCESS',
            `A change signed with the browser session must come from the org's own pages (${own[0]}), not from ${from ?? 'an unknown page'}.`
        );
    const hasBody =
        Number(req.headers['content-length'] ?? 0) > 0 ||
        req.headers['transfer-encoding'] !== undefined;
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (hasBody && type !== 'application/json')
        throw new ApiError(
            415,
            'UNSUPPORTED_MEDIA_TYPE',
            `A change signed with the browser session must send Content-Type: application/json, not ${type || 'none'}.`
        );
}
