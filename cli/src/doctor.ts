/**
 * `leadloop doctor`: checks that the package is in the target org and usable by
 * the running user, comparing the org (describe + queries) with the package's own
 * metadata in force-app (`readPackageMetadata`): objects and fields exist and are
 * visible, the scorer's Lead fields are editable, the permission sets and the
 * nurture queue exist, the user has a Lead Loop permission set, settings and a
 * valid active scoring model are stored. Read-only: it never writes.
 */
import {
    checkModelVersions,
    LEAD_FIELDS,
    NURTURE_QUEUE_DEVELOPER_NAME,
    parseScoringModelRecord,
    PERMISSION_SETS,
    SCORE_FIELD_KEYS,
    SCORING_MODEL,
    SCORING_READS,
    SETTINGS
} from '../../core/src/index';
import { readPackageMetadata, type PackageMetadata } from '../../metadata/src/index';
import {
    cond,
    errorCodeOf,
    messageOf,
    soql,
    StopError,
    UserError,
    type Api,
    type DescribeResult
} from './api/index';

export type CheckStatus = 'pass' | 'warn' | 'fail';

export interface DoctorCheck {
    name: string;
    status: CheckStatus;
    message: string;
}

export interface DoctorResult {
    ok: boolean;
    checks: DoctorCheck[];
}

const SF_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;
/** Error codes meaning "this org has no such object/field" (or the user cannot see it). */
const NOT_THERE = new Set(['NOT_FOUND', 'INVALID_TYPE', 'INVALID_FIELD', 'ERROR_HTTP_404']);

function loadMetadata(projectRoot: string): PackageMetadata {
    let meta: PackageMetadata;
    try {
        meta = readPackageMetadata(projectRoot);
    } catch (e) {
        throw new UserError(
            `Cannot read the package metadata under ${projectRoot} (sfdx-project.json / force-app): ${messageOf(e)}`,
            'NO_PACKAGE_METADATA'
        );
    }
    if (meta.objects.size === 0) {
        throw new UserError(
            `No package objects found in ${meta.root}: run leadloop from the Lead Loop project folder.`,
            'NO_PACKAGE_METADATA'
        );
    }
    return meta;
}

export async function doctor(api: Api, opts: { projectRoot: string }): Promise<DoctorResult> {
    const meta = loadMetadata(opts.projectRoot);
    const checks: DoctorCheck[] = [];
    const add = (name: string, status: CheckStatus, message: string) =>
        checks.push({ name, status, message });

    // Anything other than "not there" (e.g. a stop or an expired session) aborts the run.
    const rethrow = (e: unknown) => {
        if (e instanceof StopError || e instanceof UserError) throw e;
        if (!NOT_THERE.has(errorCodeOf(e))) throw e;
    };

    // ---- objects and fields -----------------------------------------------------------------
    const described = new Map<string, DescribeResult>();
    for (const [name, def] of [...meta.objects].sort(([a], [b]) => a.localeCompare(b))) {
        let d: DescribeResult;
        try {
            d = await api.describe(name);
        } catch (e) {
            rethrow(e);
            add(
                `object ${name}`,
                'fail',
                def.custom
                    ? `${name} is missing or not visible to you: deploy the package (sf project deploy start) and assign the ${PERMISSION_SETS.user} permission set.`
                    : `The standard object ${name} is not available to you.`
            );
            continue;
        }
        described.set(name, d);
        const have = new Set(d.fields.map((f) => f.name));
        const missing = [...def.fields.keys()].filter((f) => !have.has(f)).sort();
        if (missing.length) {
            add(
                `fields ${name}`,
                'fail',
                `${missing.length} of ${def.fields.size} package field(s) missing or hidden by field-level security: ${missing.join(', ')}. Deploy the package and assign a Lead Loop permission set.`
            );
        } else {
            add(
                def.custom ? `object ${name}` : `fields ${name}`,
                'pass',
                def.custom
                    ? `${name} with its ${def.fields.size} field(s) is there.`
                    : `All ${def.fields.size} Lead Loop field(s) on ${name} are there.`
            );
        }
    }

    // ---- the scorer's fields are editable (field-level security) -----------------------------
    const lead = described.get('Lead');
    if (lead) {
        const byName = new Map(lead.fields.map((f) => [f.name, f]));
        const scoreFields = SCORE_FIELD_KEYS.map((k) => LEAD_FIELDS[k]);
        const readOnly = scoreFields.filter((f) => byName.has(f) && !byName.get(f)!.updateable);
        if (readOnly.length) {
            add(
                'score fields editable',
                'fail',
                `You cannot edit ${readOnly.join(', ')}: leadloop score needs the ${PERMISSION_SETS.admin} permission set (or edit access to these fields).`
            );
        } else if (scoreFields.every((f) => byName.has(f))) {
            add('score fields editable', 'pass', 'You can edit every score field on Lead.');
        }
    }

    // ---- permission sets ----------------------------------------------------------------------
    const wanted = [...meta.permissionSets.keys()].sort();
    try {
        const found = await api.query<{ Id: string; Name: string }>(
            soql({
                select: ['Id', 'Name'],
                from: 'PermissionSet',
                where: [cond('Name', 'IN', wanted)]
            })
        );
        const names = new Set(found.map((p) => p.Name));
        const missing = wanted.filter((n) => !names.has(n));
        add(
            'permission sets',
            missing.length ? 'fail' : 'pass',
            missing.length
                ? `Missing permission set(s): ${missing.join(', ')}. Deploy the package.`
                : `Permission sets ${wanted.join(', ')} are there.`
        );
        // Does the running user have one of them?
        let userId: string | undefined;
        try {
            const info = await api.request<{ user_id?: string }>(
                'GET',
                '/services/oauth2/userinfo'
            );
            userId = info.user_id;
        } catch (e) {
            rethrow(e);
        }
        if (userId && SF_ID.test(userId) && found.length) {
            try {
                const assigned = await api.query<{ PermissionSetId: string }>(
                    soql({
                        select: ['PermissionSetId'],
                        from: 'PermissionSetAssignment',
                        where: [
                            cond('AssigneeId', '=', userId),
                            cond(
                                'PermissionSetId',
                                'IN',
                                found.map((p) => p.Id)
                            )
                        ]
                    })
                );
                add(
                    'your permission set',
                    assigned.length ? 'pass' : 'warn',
                    assigned.length
                        ? 'You have a Lead Loop permission set.'
                        : `You have no Lead Loop permission set: assign ${PERMISSION_SETS.admin} (sf org assign permset --name ${PERMISSION_SETS.admin}).`
                );
            } catch (e) {
                rethrow(e);
                add(
                    'your permission set',
                    'warn',
                    'This org cannot list permission set assignments; access was checked through describe instead.'
                );
            }
        }
    } catch (e) {
        rethrow(e);
        add(
            'permission sets',
            'warn',
            'This org does not expose PermissionSet to the API (the local org does not); object and field access was checked through describe instead.'
        );
    }

    // ---- the nurture queue -------------------------------------------------------------------
    for (const queue of meta.queues.size
        ? [...meta.queues.keys()]
        : [NURTURE_QUEUE_DEVELOPER_NAME]) {
        try {
            const rows = await api.query(
                soql({
                    select: ['Id'],
                    from: 'Group',
                    where: [cond('Type', '=', 'Queue'), cond('DeveloperName', '=', queue)]
                })
            );
            add(
                `queue ${queue}`,
                rows.length ? 'pass' : 'fail',
                rows.length
                    ? `The queue ${queue} is there.`
                    : `The queue ${queue} is missing: deploy the package's queues.`
            );
        } catch (e) {
            rethrow(e);
            add(`queue ${queue}`, 'fail', `Cannot read queues: ${messageOf(e)}`);
        }
    }

    // ---- settings and the scoring model (only if the objects are there) -----------------------
    if (described.has(SETTINGS.objectApiName)) {
        const rows = await api.query(
            soql({
                select: ['Id'],
                from: SETTINGS.objectApiName,
                where: [cond(SETTINGS.fields.active, '=', true)]
            })
        );
        add(
            'settings',
            rows.length === 1 ? 'pass' : 'warn',
            rows.length === 1
                ? 'One active Lead Loop settings record.'
                : rows.length === 0
                  ? 'No active LL_Settings__c record: the defaults are used (leadloop seed or the Settings tab creates one).'
                  : `${rows.length} active settings records: keep exactly one active.`
        );
    }
    if (described.has(SCORING_MODEL.objectApiName)) {
        const rows = await api.query(
            soql({
                select: SCORING_READS[SCORING_MODEL.objectApiName],
                from: SCORING_MODEL.objectApiName
            })
        );
        const versions = rows.map(parseScoringModelRecord);
        const problems = checkModelVersions(versions);
        const broken = problems.some((p) => /invalid definition|must be/.test(p));
        add(
            'scoring model',
            problems.length === 0 ? 'pass' : broken ? 'fail' : 'warn',
            problems.length === 0
                ? `${versions.length} model version(s); one valid Active version.`
                : problems.join(' ')
        );
    }

    return { ok: checks.every((c) => c.status !== 'fail'), checks };
}
