/**
 * The Tooling API's query (`GET /tooling/query?q=`), for the reads clients make
 * on the way to their own work: `sf org display` and `sf org login` look for
 * sandbox processes, deploy tooling asks for Apex classes and triggers. The
 * local org has no sandboxes and no Apex (the project's rule), so these objects
 * exist and answer no rows; the query is still checked as the platform checks
 * it (syntax, object, field names).
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import { ApiError } from '../http/errors';
import { API, type Router } from '../http/router';
import { parseSoql } from '../store/soql';

const AUDIT = ['Id', 'CreatedById', 'CreatedDate', 'LastModifiedById', 'LastModifiedDate'];

/** Tooling objects the local org knows, with their fields (from the Tooling API reference). */
const TOOLING_OBJECTS: Record<string, string[]> = {
    SandboxProcess: [
        ...AUDIT,
        'ActivatedById',
        'ActivatedDate',
        'ApexClassId',
        'AutoActivate',
        'CopyArchivedActivities',
        'CopyChatter',
        'CopyProgress',
        'Description',
        'EndDate',
        'Features',
        'HistoryDays',
        'LicenseType',
        'SandboxInfoId',
        'SandboxName',
        'SandboxOrganization',
        'SourceId',
        'StartDate',
        'Status'
    ],
    ApexClass: [...AUDIT, 'Name', 'NamespacePrefix', 'Body', 'ApiVersion', 'Status', 'IsValid'],
    ApexTrigger: [
        ...AUDIT,
        'Name',
        'NamespacePrefix',
        'Body',
        'ApiVersion',
        'Status',
        'TableEnumOrId'
    ],
    SourceMember: [
        ...AUDIT,
        'MemberName',
        'MemberType',
        'RevisionCounter',
        'IsNameObsolete',
        'ChangedBy'
    ]
};

function resolve(map: Record<string, string[]>, name: string): [string, string[]] | undefined {
    const key = Object.keys(map).find((k) => k.toLowerCase() === name.toLowerCase());
    return key ? [key, map[key]] : undefined;
}

/** The field names a query uses in SELECT and WHERE (plain fields only: tooling reads here are flat). */
function fieldNames(query: Query): string[] {
    const names: string[] = [];
    for (const f of query.fields ?? []) {
        const field = f as { type: string; field?: string };
        if (field.type === 'Field' && field.field) names.push(field.field);
    }
    const walk = (w: unknown): void => {
        if (!w || typeof w !== 'object') return;
        const node = w as { left?: { field?: string }; right?: unknown };
        if (node.left?.field) names.push(node.left.field);
        walk(node.right);
    };
    walk(query.where);
    for (const o of [query.orderBy ?? []].flat()) {
        const field = (o as { field?: string }).field;
        if (field) names.push(field);
    }
    return names;
}

export function register(router: Router): void {
    router.get(`${API}/tooling/query`, (r) => {
        const query = parseSoql(r.query('q') ?? '');
        const objectName = query.sObject ?? '';
        const object = resolve(TOOLING_OBJECTS, objectName);
        if (!object)
            throw new ApiError(
                400,
                'INVALID_TYPE',
                `sObject type '${objectName}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name.`
            );
        const [name, fields] = object;
        for (const field of fieldNames(query))
            if (!fields.some((f) => f.toLowerCase() === field.toLowerCase()))
                throw new ApiError(
                    400,
                    'INVALID_FIELD',
                    `No such column '${field}' on entity '${name}'.`
                );
        r.send(200, {
            size: 0,
            totalSize: 0,
            done: true,
            queryLocator: null,
            entityTypeName: name,
            records: []
        });
    });
}
