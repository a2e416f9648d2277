/**
 * The Metadata API's REST deploy, as `sf project deploy start` sends it when
 * `org-metadata-rest-deploy` is true: `POST /metadata/deployRequest` (multipart:
 * the zip as `file`, `{ deployOptions }` as `entity_content`) and
 * `GET /metadata/deployRequest/{id}?includeDetails=true`. A deploy runs as
 * the request arrives; its result is kept for the server's life.
 */
import { API_VERSION } from '../../../core/src/index';
import { deployZip, type DeployOptions, type DeployResult } from '../deploy/deploy';
import { ApiError, notFound } from '../http/errors';
import { parseMultipart } from '../http/multipart';
import { API, type Router } from '../http/router';
import type { OrgContext } from './context';

const DEPLOY = `${API}/metadata/deployRequest`;
/** Deploy results the org still answers (the newest 100). */
const KEEP = 100;

export function register(router: Router, ctx: OrgContext): void {
    const deploys = new Map<string, { options: DeployOptions; result: DeployResult }>();
    const answer = (id: string, includeDetails: boolean) => {
        const { options, result } = deploys.get(id)!;
        return {
            id,
            url: `/services/data/v${API_VERSION}/metadata/deployRequest/${id}`,
            validatedDeployRequestId: null,
            deployOptions: options,
            deployResult: includeDetails
                ? result
                : { ...result, details: { componentSuccesses: [], componentFailures: [] } }
        };
    };

    router.post(DEPLOY, async (r) => {
        const type = r.header('content-type');
        if (!/^multipart\/form-data/i.test(type))
            throw new ApiError(
                400,
                'INVALID_MULTIPART_REQUEST',
                'A deploy request is multipart/form-data: the zip as "file" and { deployOptions } as "entity_content".'
            );
        const chunks: Buffer[] = [];
        for await (const chunk of r.chunks()) chunks.push(chunk);
        const parts = parseMultipart(Buffer.concat(chunks), type);
        const file = parts.find((p) => p.name === 'file');
        if (!file)
            throw new ApiError(
                400,
                'INVALID_MULTIPART_REQUEST',
                'The deploy request has no "file" part (the zip).'
            );
        let options: DeployOptions = {};
        const entity = parts.find((p) => p.name === 'entity_content');
        if (entity) {
            try {
                const body = JSON.parse(entity.data.toString('utf8')) as {
                    deployOptions?: DeployOptions;
                };
                options = body.deployOptions ?? {};
            } catch (e) {
                throw new ApiError(
                    400,
                    'JSON_PARSER_ERROR',
                    `entity_content is not valid JSON: ${(e as Error).message.slice(0, 200)}`
                );
            }
        }
        const id = ctx.nextId('0Af');
        const result = deployZip(
            {
                store: ctx.store,
                schema: ctx.org.schema,
                user: {
                    id: ctx.org.adminUserId,
                    name: String(ctx.store.get('User', ctx.org.adminUserId)?.Name ?? '')
                }
            },
            id,
            file.data,
            options
        );
        deploys.set(id, { options, result });
        for (const key of deploys.keys()) if (deploys.size > KEEP) deploys.delete(key);
        r.send(201, answer(id, false));
    });

    router.get(`${DEPLOY}/:id`, (r) => {
        if (!deploys.has(r.params.id)) throw notFound();
        r.send(200, answer(r.params.id, r.query('includeDetails') === 'true'));
    });
}
