/**
 * Who may call the API: a bearer token (`Authorization: Bearer|OAuth <token>`,
 * what jsforce and the sf CLI send) or the browser app's HttpOnly session
 * cookie (set by `/login?token=`). Tokens are compared in constant time.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

/**
 * The org's access token and refresh token. A refresh issues a new access token with the
 * org id prefix the platform's tokens carry (`<15-character org id>!<secret>`).
 */
export class Sessions {
    constructor(
        private accessToken: string,
        readonly refreshToken: string
    ) {}

    get current(): string {
        return this.accessToken;
    }

    isValid(token: string): boolean {
        return safeEqual(token, this.accessToken);
    }

    /** Whether the request carries a valid token (bearer or session cookie). */
    authorize(req: IncomingMessage): boolean {
        const c = credentials(req);
        return c !== undefined && this.isValid(c.token);
    }

    /** A new access token for a valid refresh token; undefined when the refresh token is wrong. */
    refresh(refreshToken: string): string | undefined {
        if (!safeEqual(refreshToken, this.refreshToken)) return undefined;
        this.accessToken = `${this.accessToken.split('!')[0]}!${randomBytes(24).toString('base64url')}`;
        return this.accessToken;
    }
}
