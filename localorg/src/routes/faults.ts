/** `POST /services/data/vXX.X/leadloop/faults`: set the test faults over HTTP (token-protected, not metered). */
import { parseFaultConfig } from '../faults';
import { API, type Router } from '../http/router';
import type { OrgContext } from './context';

export function register(router: Router, ctx: OrgContext): void {
    router.post(
        `${API}/leadloop/faults`,
        async (r) => {
            ctx.faults.set(parseFaultConfig(await r.json()));
            r.send(200, { faults: ctx.faults.current });
        },
        { metered: false }
    );
}
