/**
 * Sign-in and identity: `/login?token=` (the browser app's session cookie),
 * `POST /services/oauth2/token` (refresh_token grant, as jsforce and the sf CLI
 * refresh) and `GET /services/oauth2/userinfo`.
 */
import { SESSION_COOKIE } from '../http/auth';
import type { Request } from '../http/request';
import type { Router } from '../http/router';
import type { OrgContext } from './context';

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
    router.post('/services/oauth2/token', (r) => refresh(r, ctx), { auth: 'none' });
    router.get('/services/oauth2/userinfo', (r) => userinfo(r, ctx));
}

async function refresh(r: Request, ctx: OrgContext): Promise<void> {
    const form = new URLSearchParams(await r.text());
    const token =
        form.get('grant_type') === 'refresh_token'
            ? ctx.sessions.refresh(form.get('refresh_token') ?? '')
            : undefined;
    if (!token) {
        r.send(400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
        return;
    }
    ctx.faults.tokenRefreshed();
    const { organizationId, adminUserId } = ctx.org;
    r.send(200, {
        access_token: token,
        instance_url: ctx.instanceUrl(),
        id: `http://127.0.0.1/id/${organizationId}/${adminUserId}`,
        token_type: 'Bearer',
        issued_at: String(Date.now()),
        signature: 'local'
    });
}

function userinfo(r: Request, ctx: OrgContext): void {
    const { organizationId, adminUserId } = ctx.org;
    const user = ctx.store.get('User', adminUserId);
    r.send(200, {
        sub: `http://127.0.0.1/id/${organizationId}/${adminUserId}`,
        user_id: adminUserId,
        organization_id: organizationId,
        preferred_username: user?.Username,
        nickname: 'admin',
        name: user?.Name,
        email: user?.Email,
        email_verified: true,
        active: true,
        user_type: 'STANDARD',
        language: 'en_US',
        locale: 'en_US',
        utcOffset: 0,
        urls: { rest: `http://127.0.0.1/services/data/v{version}/` }
    });
}
