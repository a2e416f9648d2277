/**
 * Username-password sign-in for local users: the partner SOAP API's `login`
 * (`POST /services/Soap/u/66.0`, what jsforce's `conn.login()` sends without a
 * client id) and, through `signIn`, the OAuth password grant of
 * `/services/oauth2/token` (routes/oauth.ts). Every active User signs in with
 * the org's one password (`startLocalOrg({ password })`, printed by `npm
 * start`); a sign-in gets a new session token, valid like the org's token.
 * A wrong username or password is the platform's INVALID_LOGIN. SOAP `logout`
 * ends a sign-in's session.
 */
import { API_VERSION } from '../../../core/src/index';
import { safeEqual } from '../http/auth';
import type { Request } from '../http/request';
import type { Router } from '../http/router';
import { child, escapeXml, parseXml, xmlFields, type XmlElement } from '../xml';
import type { OrgContext } from './context';

const ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface SignedIn {
    userId: string;
    username: string;
    name: string;
    email: string;
    sessionId: string;
}

/**
 * A new session for an active user with the org's password; undefined when the username
 * or password is wrong (both are checked, in constant time for the password, either way).
 */
export function signIn(ctx: OrgContext, username: string, password: string): SignedIn | undefined {
    const passwordOk = safeEqual(password, ctx.password);
    const user = username
        ? ctx.store.find('User', {
              fields: ['Id', 'Username', 'Name', 'Email', 'IsActive'],
              where: { field: 'Username', op: 'eq', value: username.trim().toLowerCase() },
              limit: 1,
              offset: 0
          }).records[0]
        : undefined;
    if (!passwordOk || !user || user.IsActive === false) return undefined;
    return {
        userId: String(user.Id),
        username: String(user.Username),
        name: String(user.Name ?? ''),
        email: String(user.Email ?? ''),
        sessionId: ctx.sessions.issue()
    };
}

export function register(router: Router, ctx: OrgContext): void {
    // The login endpoint and the server URL it answers (which carries the org id).
    for (const path of ['/services/Soap/u/:version', '/services/Soap/u/:version/:org'])
        router.post(path, (r) => soap(r, ctx), { auth: 'none' });
}

function sendEnvelope(r: Request, status: number, body: string, namespaces = ''): void {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="${ENVELOPE_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${namespaces}><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
    r.res
        .writeHead(status, {
            'Content-Type': 'text/xml; charset=utf-8',
            'Content-Length': String(Buffer.byteLength(xml))
        })
        .end(xml);
}

/** A SOAP fault, as the platform sends it: HTTP 500, `sf:CODE`, and a typed detail. */
function sendFault(r: Request, code: string, message: string, faultType = 'UnexpectedErrorFault') {
    sendEnvelope(
        r,
        500,
        `<soapenv:Fault><faultcode>sf:${code}</faultcode><faultstring>${escapeXml(`${code}: ${message}`)}</faultstring><detail><sf:${faultType} xsi:type="sf:${faultType}"><sf:exceptionCode>${code}</sf:exceptionCode><sf:exceptionMessage>${escapeXml(message)}</sf:exceptionMessage></sf:${faultType}></detail></soapenv:Fault>`,
        ' xmlns:sf="urn:fault.partner.soap.sforce.com"'
    );
}

async function soap(r: Request, ctx: OrgContext): Promise<void> {
    let call: XmlElement | undefined;
    let envelope: XmlElement | undefined;
    try {
        envelope = parseXml(await r.text());
        const body = envelope.name === 'Envelope' ? child(envelope, 'Body') : undefined;
        call = body?.children[0];
    } catch (e) {
        sendFault(r, 'INVALID_XML', (e as Error).message);
        return;
    }
    if (!call) {
        sendFault(r, 'INVALID_XML', 'The request is not a SOAP envelope with a body.');
        return;
    }
    if (call.name === 'logout') {
        const header = envelope && child(envelope, 'Header');
        const session = (header && child(header, 'SessionHeader')) ?? undefined;
        const token = (session && child(session, 'sessionId')?.text.trim()) ?? '';
        if (!ctx.sessions.isValid(token)) {
            sendFault(r, 'INVALID_SESSION_ID', 'Invalid Session ID found in SessionHeader');
            return;
        }
        ctx.sessions.revoke(token);
        sendEnvelope(r, 200, '<logoutResponse/>', ' xmlns="urn:partner.soap.sforce.com"');
        return;
    }
    if (call.name !== 'login') {
        sendFault(
            r,
            'INVALID_OPERATION',
            `The local org's SOAP API serves login and logout only, not ${call.name}; use the REST API.`
        );
        return;
    }
    const text = (name: string) => (call && child(call, name)?.text) ?? '';
    const user = signIn(ctx, text('username'), text('password'));
    if (!user) {
        sendFault(
            r,
            'INVALID_LOGIN',
            'Invalid username, password, security token; or user locked out.',
            'LoginFault'
        );
        return;
    }
    sendEnvelope(
        r,
        200,
        `<loginResponse><result>${xmlFields(loginResult(ctx, user, r.params.version))}</result></loginResponse>`,
        ' xmlns="urn:partner.soap.sforce.com"'
    );
}

function loginResult(ctx: OrgContext, user: SignedIn, version = API_VERSION) {
    const base = ctx.instanceUrl();
    const { organizationId } = ctx.org;
    return {
        metadataServerUrl: `${base}/services/Soap/m/${version}/${organizationId}`,
        passwordExpired: false,
        sandbox: false,
        serverUrl: `${base}/services/Soap/u/${version}/${organizationId}`,
        sessionId: user.sessionId,
        userId: user.userId,
        userInfo: {
            accessibilityMode: false,
            currencySymbol: '$',
            orgAttachmentFileSizeLimit: 5242880,
            orgDefaultCurrencyIsoCode: 'USD',
            orgDisallowHtmlAttachments: false,
            orgHasPersonAccounts: false,
            organizationId,
            organizationMultiCurrency: false,
            organizationName: 'Lead Loop Local Org',
            profileId: null,
            roleId: null,
            sessionSecondsValid: 7200,
            userDefaultCurrencyIsoCode: null,
            userEmail: user.email,
            userFullName: user.name,
            userId: user.userId,
            userLanguage: 'en_US',
            userLocale: 'en_US',
            userName: user.username,
            userTimeZone: 'GMT',
            userType: 'Standard',
            userUiSkin: 'Theme3'
        }
    };
}
