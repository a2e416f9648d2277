/**
 * The package metadata is well-formed, uses one API version, and defines every
 * object and field the code names: one source of truth for API names, so a
 * renamed field fails here rather than in a deploy.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    API_VERSION,
    FIT_GRADES,
    HANDBACK_REASONS,
    LEAD_FIELDS,
    LEAD_VALUE_TYPES,
    NURTURE_QUEUE_DEVELOPER_NAME,
    PACKAGE_OBJECTS,
    PACKAGE_PREFIX,
    PERMISSION_SETS,
    REVIEW_ENTRY,
    REVIEW_MEETING,
    SCORING_MODEL,
    SETTINGS,
    STATUS_CHANGED_FLOW,
    TIERS
} from '../core/src/index';
import { readPackageMetadata, type PackageMetadata } from '../metadata/src/index';

const root = path.resolve(import.meta.dirname, '..');
const meta: PackageMetadata = readPackageMetadata(root);

/** Source files whose API names must exist in metadata. */
const SOURCE_DIRS = [
    'core/src',
    'metadata/src',
    'cli',
    'localorg/src',
    'browser/src',
    'force-app/main/default/lwc'
];
const SOURCE_EXT = /\.(ts|js|html)$/;

function walk(dir: string): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    return readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        if (name === 'node_modules' || name === 'dist') {
            return [];
        }
        return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

const sourceFiles = SOURCE_DIRS.flatMap((d) => walk(path.join(root, d))).filter(
    (f) =>
        SOURCE_EXT.test(f) &&
        !f.includes(`${path.sep}__tests__${path.sep}`) &&
        !f.endsWith('.test.ts')
);

function packageField(object: string, field: string): boolean {
    return meta.objects.get(object)?.fields.has(field) ?? false;
}

const allCustomNames = new Set<string>();
for (const obj of meta.objects.values()) {
    if (obj.custom) {
        allCustomNames.add(obj.name);
    }
    for (const field of obj.fields.values()) {
        allCustomNames.add(field.name);
        if (field.relationshipName) {
            allCustomNames.add(`${field.relationshipName}__r`);
        }
    }
}

describe('package metadata', () => {
    it('uses one API version everywhere', () => {
        expect(meta.sourceApiVersion).toBe(API_VERSION);
        const others = meta.files.filter((f) => f.apiVersion && f.apiVersion !== API_VERSION);
        expect(others.map((f) => `${path.relative(root, f.file)}: ${f.apiVersion}`)).toEqual([]);
    });

    it('prefixes every custom object and field with LL_', () => {
        const unprefixed = [...allCustomNames].filter((n) => !n.startsWith(PACKAGE_PREFIX));
        expect(unprefixed).toEqual([]);
        expect(
            [...meta.objects.values()]
                .filter((o) => o.custom)
                .map((o) => o.name)
                .sort()
        ).toEqual([...PACKAGE_OBJECTS].sort());
    });

    it('defines every field the core schema names', () => {
        const missing: string[] = [];
        const check = (object: string, fields: Record<string, string>) => {
            for (const apiName of Object.values(fields)) {
                if (apiName.endsWith('__c') && !packageField(object, apiName)) {
                    missing.push(`${object}.${apiName}`);
                }
            }
        };
        check('Lead', LEAD_FIELDS);
        for (const def of [SCORING_MODEL, REVIEW_MEETING, REVIEW_ENTRY, SETTINGS]) {
            check(def.objectApiName, def.fields);
        }
        expect(missing).toEqual([]);
    });

    it('types the package Lead fields as the core reads them from text (Bulk CSV)', () => {
        const kinds: Record<string, 'number' | 'boolean'> = {
            Number: 'number',
            Currency: 'number',
            Percent: 'number',
            Checkbox: 'boolean'
        };
        const actual: Record<string, string> = {};
        for (const [key, apiName] of Object.entries(LEAD_FIELDS)) {
            const field = meta.objects.get('Lead')?.fields.get(apiName);
            const kind = field && kinds[field.type];
            if (kind) actual[key] = kind;
        }
        const expected = Object.fromEntries(
            Object.entries(LEAD_VALUE_TYPES).filter(([key]) =>
                LEAD_FIELDS[key as keyof typeof LEAD_FIELDS].endsWith('__c')
            )
        );
        expect(actual).toEqual(expected);
    });

    it('defines every LL_ name used anywhere in the code', () => {
        const unknown: string[] = [];
        for (const file of sourceFiles) {
            const text = readFileSync(file, 'utf8');
            // Object.Field references (schema imports, SOQL, permission names)
            for (const m of text.matchAll(/\b([A-Za-z]\w*)\.(LL_\w+__c)\b/g)) {
                const [, object, field] = m;
                if (
                    (meta.objects.has(object) || object === 'Lead') &&
                    !packageField(object, field)
                ) {
                    unknown.push(`${path.relative(root, file)}: ${object}.${field}`);
                }
            }
            for (const m of text.matchAll(/\bLL_\w+__[cr]\b/g)) {
                if (!allCustomNames.has(m[0])) {
                    unknown.push(`${path.relative(root, file)}: ${m[0]}`);
                }
            }
        }
        expect(unknown).toEqual([]);
    });

    it('matches the core enums in its picklists', () => {
        const values = (object: string, field: string) =>
            meta.objects
                .get(object)
                ?.fields.get(field)
                ?.picklist?.values.map((v) => v.value);
        expect(values('Lead', LEAD_FIELDS.tier)).toEqual([...TIERS]);
        expect(values('Lead', LEAD_FIELDS.previousTier)).toEqual([...TIERS]);
        expect(values('Lead', LEAD_FIELDS.fitGrade)).toEqual([...FIT_GRADES]);
        expect(values('Lead', LEAD_FIELDS.handbackReason)).toEqual([...HANDBACK_REASONS]);
        for (const f of [LEAD_FIELDS.tier, LEAD_FIELDS.fitGrade, LEAD_FIELDS.handbackReason]) {
            expect(meta.objects.get('Lead')?.fields.get(f)?.picklist?.restricted).toBe(true);
        }
    });

    it('grants permissions only on fields that exist, and admins everything', () => {
        for (const ps of Object.values(PERMISSION_SETS)) {
            const set = meta.permissionSets.get(ps);
            expect(set, `permission set ${ps}`).toBeDefined();
            for (const { field } of set!.fieldPermissions) {
                const [object, name] = field.split('.');
                expect(packageField(object, name), field).toBe(true);
            }
            for (const object of PACKAGE_OBJECTS) {
                expect(
                    set!.objectPermissions.some((p) => p.object === object && p.allowRead),
                    `${ps} reads ${object}`
                ).toBe(true);
            }
        }
        const admin = meta.permissionSets.get(PERMISSION_SETS.admin)!;
        const grantable = [...meta.objects.values()].flatMap((o) =>
            [...o.fields.values()].filter((f) => !f.required).map((f) => `${o.name}.${f.name}`)
        );
        const granted = new Set(
            admin.fieldPermissions.filter((p) => p.editable).map((p) => p.field)
        );
        expect(grantable.filter((f) => !granted.has(f))).toEqual([]);
        const user = meta.permissionSets.get(PERMISSION_SETS.user)!;
        const userModel = user.objectPermissions.find(
            (p) => p.object === SCORING_MODEL.objectApiName
        )!;
        expect(userModel.allowEdit || userModel.allowCreate || userModel.allowDelete).toBe(false);
        // Never a permission on a required field: the platform rejects it on deploy.
        const required = new Set(
            [...meta.objects.values()].flatMap((o) =>
                [...o.fields.values()].filter((f) => f.required).map((f) => `${o.name}.${f.name}`)
            )
        );
        for (const set of meta.permissionSets.values()) {
            expect(set.fieldPermissions.filter((p) => required.has(p.field))).toEqual([]);
        }
    });

    it('ships the nurture queue and the status-changed flow, never the LeadStatus value set', () => {
        expect(meta.queues.get(NURTURE_QUEUE_DEVELOPER_NAME)?.sobjectTypes).toEqual(['Lead']);
        const flow = meta.flows.get(STATUS_CHANGED_FLOW);
        expect(flow).toMatchObject({ object: 'Lead', status: 'Active' });
        expect(
            existsSync(
                path.join(meta.root, 'standardValueSets', 'LeadStatus.standardValueSet-meta.xml')
            )
        ).toBe(false);
    });
});
