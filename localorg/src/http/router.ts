/**
 * A small router: routes are `(method, pattern, handler, options)`, matched in
 * the order they were added. A pattern is a path whose segments are literals,
 * `:name` (one segment, URI-decoded into `r.params.name`) or a final `*name`
 * (the rest of the path, possibly empty).
 */
import { ApiError } from './errors';
import type { Request } from './request';

export type Handler = (r: Request) => Promise<void> | void;

export interface RouteOptions {
    /**
     * 'token' (default): the request must carry the org's token (bearer or session cookie).
     * 'none': open (sign-in, token refresh, the version list, the browser app's files).
     */
    auth?: 'token' | 'none';
    /** Counted as an API call, with the test faults and the daily limit applied (default true). */
    metered?: boolean;
}

export interface Route extends Required<RouteOptions> {
    method: string;
    segments: string[];
    handler: Handler;
}

export type Match =
    { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | undefined;

/** `/services/data/v66.0` and any other version the org serves: route patterns start with it. */
export const API = '/services/data/:version';

export class Router {
    private readonly routes: Route[] = [];

    add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
        this.routes.push({
            method,
            segments: pattern.split('/').filter(Boolean),
            handler,
            auth: options.auth ?? 'token',
            metered: options.metered ?? options.auth !== 'none'
        });
        return this;
    }

    get(pattern: string, handler: Handler, options?: RouteOptions): this {
        return this.add('GET', pattern, handler, options);
    }
    post(pattern: string, handler: Handler, options?: RouteOptions): this {
        return this.add('POST', pattern, handler, options);
    }
    put(pattern: string, handler: Handler, options?: RouteOptions): this {
        return this.add('PUT', pattern, handler, options);
    }
    patch(pattern: string, handler: Handler, options?: RouteOptions): this {
        return this.add('PATCH', pattern, handler, options);
    }
    delete(pattern: string, handler: Handler, options?: RouteOptions): this {
        return this.add('DELETE', pattern, handler, options);
    }

    /** The first route for this method and path; `methodNotAllowed` when only other methods match. */
    match(method: string, path: string): Match {
        const parts = path.split('/').filter(Boolean);
        let otherMethod = false;
        for (const route of this.routes) {
            const params = matchSegments(route.segments, parts);
            if (!params) continue;
            if (route.method === method) return { route, params };
            if (!route.segments.some((s) => s.startsWith('*'))) otherMethod = true;
        }
        return otherMethod ? { methodNotAllowed: true } : undefined;
    }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
        const p = pattern[i];
        if (p.startsWith('*')) {
            params[p.slice(1)] = parts.slice(i).join('/');
            return params;
        }
        if (i >= parts.length) return undefined;
        if (p.startsWith(':')) params[p.slice(1)] = decodeSegment(parts[i]);
        else if (p !== parts[i]) return undefined;
    }
    return pattern.length === parts.length ? params : undefined;
}

function decodeSegment(segment: string): string {
    try {
        return decodeURIComponent(segment);
    } catch {
        throw new ApiError(
            400,
            'MALFORMED_URL',
            `The URL segment "${segment.slice(0, 80)}" is not valid percent-encoding.`
        );
    }
}
