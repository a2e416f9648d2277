/**
 * Sign-in and identity: `/login?token=` (the browser app's session cookie),
 * `POST /services/oauth2/token` (refresh_token grant, as jsforce and the sf CLI
 * refresh; password grant for local users) and `GET /services/oauth2/userinfo`.
 */
import { SESSION_COOKIE } from '../http/auth';
import { ApiError } from '../http/errors';
import type { Request } from '../http/request';
import type { Router } from '../http/router';
import type { OrgContext } from './context';
import { signIn } from './login';

export function register(router: Router, ctx: OrgContext): void {
    router.get(
        '/login',
        (r) => {
            const token = r.query('token') ?? '';
            if (!ctx.sessions.isValid(token)) {
                r.res
                    .writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8' })
                    .end('Wrong or missing token: open the URL that `npm start` printed.');
                return;
            }
            r.res
                .writeHead(302, {
                    'Set-Cookie': `${SESSION_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
                    Location: '/'
                })
                .end();
        },
        { auth: 'none' }
    );
    router.post('/services/oauth2/token', (r) => token(r, ctx), { auth: 'none' });
    router.get('/services/oauth2/userinfo', (r) => userinfo(r, ctx));
    router.get('/id/:org/:user', (r) => identity(r, ctx));
}

/**
 * `POST /services/oauth2/token`: the refresh_token grant (a new token for that client) and the
 * password grant for local users (routes/login.ts); anything else is invalid_grant.
 */
async function token(r: Request, ctx: OrgContext): Promise<void> {
    const form = new URLSearchParams(await r.text());
    const grant = form.get('grant_type');
    if (grant === 'password') {
        const user = signIn(ctx, form.get('username') ?? '', form.get('password') ?? '');
        if (!user) {
            r.send(400, { error: 'invalid_grant', error_description: 'authentication failure' });
            return;
        }
        r.send(200, tokenResponse(ctx, user.sessionId, user.userId));
        return;
    }
    const token =
        grant === 'refresh_token'
            ? ctx.sessions.refresh(form.get('refresh_token') ?? '')
            : undefined;
    if (!token) {
        r.send(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
        return;
    }
    ctx.faults.tokenRefreshed();
    r.send(200, tokenResponse(ctx, token, ctx.org.adminUserId));
}

function tokenResponse(ctx: OrgContext, accessToken: string, userId: string) {
    return {
        access_token: accessToken,
        instance_url: ctx.instanceUrl(),
        id: identityUrl(ctx, userId),
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        signature: 'local'
    };
}

/**
 * The org's service URLs as the platform lists them in `urls` (userinfo and the identity
 * URL), on this org's own host and port.
 */
function serviceUrls(ctx: OrgContext): Record<string, string> {
    const base = ctx.instanceUrl();
    const { organizationId, adminUserId } = ctx.org;
    const rest = `${base}/services/data/v{version}`;
    return {
        enterprise: `${base}/services/Soap/c/{version}/${organizationId}`,
        metadata: `${base}/services/Soap/m/{version}/${organizationId}`,
        partner: `${base}/services/Soap/u/{version}/${organizationId}`,
        rest: `${rest}/`,
        sobjects: `${rest}/sobjects/`,
        search: `${rest}/search/`,
        query: `${rest}/query/`,
        recent: `${rest}/recent/`,
        tooling_soap: `${base}/services/Soap/T/{version}/${organizationId}`,
        tooling_rest: `${rest}/tooling/`,
        profile: `${base}/${adminUserId}`,
        feeds: `${rest}/chatter/feeds`,
        groups: `${rest}/chatter/groups`,
        users: `${rest}/chatter/users`,
        feed_items: `${rest}/chatter/feed-items`,
        feed_elements: `${rest}/chatter/feed-elements`,
        custom_domain: base
    };
}

/** The identity URL (`id` of the token response): `{instance}/id/{orgId}/{userId}`. */
function identityUrl(ctx: OrgContext, userId = ctx.org.adminUserId): string {
    return `${ctx.instanceUrl()}/id/${ctx.org.organizationId}/${userId}`;
}

/** What userinfo and the identity URL both say of the account: its URLs, status and locale. */
function accountFacts(ctx: OrgContext) {
    return {
        urls: serviceUrls(ctx),
        active: true,
        user_type: 'STANDARD',
        language: 'en_US',
        locale: 'en_US',
        utcOffset: 0
    };
}

function adminUser(ctx: OrgContext) {
    const user = ctx.store.get('User', ctx.org.adminUserId);
    return {
        username: user?.Username as string | undefined,
        name: user?.Name as string | undefined,
        email: user?.Email as string | undefined,
        lastModified: user?.LastModifiedDate as string | undefined
    };
}

function userinfo(r: Request, ctx: OrgContext): void {
    const { organizationId, adminUserId } = ctx.org;
    const user = adminUser(ctx);
    r.send(200, {
        sub: identityUrl(ctx),
        user_id: adminUserId,
        organization_id: organizationId,
        preferred_username: user.username,
        nickname: 'admin',
        name: user.name,
        email: user.email,
        email_verified: true,
        zoneinfo: 'GMT',
        ...accountFacts(ctx),
        updated_at: user.lastModified
    });
}

/** `GET /id/{orgId}/{userId}` (jsforce's `identity()`): the same facts under the identity service's names. */
function identity(r: Request, ctx: OrgContext): void {
    const { organizationId, adminUserId } = ctx.org;
    if (r.params.org !== organizationId || r.params.user !== adminUserId)
        throw new ApiError(404, 'NOT_FOUND', 'Bad_Id');
    const user = adminUser(ctx);
    r.send(200, {
        id: identityUrl(ctx),
        asserted_user: true,
        user_id: adminUserId,
        organization_id: organizationId,
        username: user.username,
        nick_name: 'admin',
        display_name: user.name,
        email: user.email,
        email_verified: true,
        status: { created_date: null, body: null },
        ...accountFacts(ctx),
        last_modified_date: user.lastModified
    });
}
