/**
 * The package metadata is well-formed, uses one API version, and defines every
 * object and field the code names: one source of truth for API names, so a
 * renamed field fails here rather than in a deploy.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    API_VERSION,
    FIT_GRADES,
    HAND_BACK_QUICK_ACTION,
    HANDBACK_REASONS,
    LEAD_FIELDS,
    LEAD_VALUE_TYPES,
    NURTURE_QUEUE_DEVELOPER_NAME,
    PACKAGE_OBJECTS,
    FIX_LOG,
    FIX_LOG_STATUSES,
    AUDIT_RUN,
    PACKAGE_PREFIX,
    PERMISSION_SETS,
    RETURN_RULES,
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
        for (const def of [
            SCORING_MODEL,
            REVIEW_MEETING,
            REVIEW_ENTRY,
            SETTINGS,
            FIX_LOG,
            AUDIT_RUN
        ]) {
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
        expect(values(SETTINGS.objectApiName, SETTINGS.fields.returnRule)).toEqual([
            ...RETURN_RULES
        ]);
        expect(values(FIX_LOG.objectApiName, FIX_LOG.fields.status)).toEqual([...FIX_LOG_STATUSES]);
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

    it('ships the hand-back quick action on the Lead record page', () => {
        const [object, name] = HAND_BACK_QUICK_ACTION.name.split('.');
        const action = readFileSync(
            path.join(meta.root, 'quickActions', `${object}.${name}.quickAction-meta.xml`),
            'utf8'
        );
        expect(action).toContain('<type>LightningWebComponent</type>');
        expect(action).toContain(
            `<lightningWebComponent>${HAND_BACK_QUICK_ACTION.component}</lightningWebComponent>`
        );
        expect(meta.lwc.get(HAND_BACK_QUICK_ACTION.component)?.targets).toEqual([
            'lightning__RecordAction'
        ]);
        const page = readFileSync(
            path.join(meta.root, 'flexipages', 'LL_Lead_Record_Page.flexipage-meta.xml'),
            'utf8'
        );
        const highlights = page.slice(0, page.indexOf('<componentName>force:highlightsPanel'));
        expect(highlights).toContain(`<value>${HAND_BACK_QUICK_ACTION.name}</value>`);
    });
});

// ---- reports -------------------------------------------------------------------------
const xml = new XMLParser({ isArray: (name) => ARRAY_TAGS.has(name), parseTagValue: false });
const ARRAY_TAGS = new Set([
    'sections',
    'columns',
    'criteriaItems',
    'groupingsDown',
    'groupingsAcross',
    'aggregates',
    'components'
]);
interface ReportTypeXml {
    baseObject: string;
    label: string;
    description: string;
    join?: JoinXml;
    sections: { columns: { table: string; field: string }[] }[];
}
interface JoinXml {
    relationship: string;
    join?: JoinXml;
}
interface ReportXml {
    name: string;
    description: string;
    reportType: string;
    columns?: { field: string }[];
    filter?: { criteriaItems?: { column: string }[] };
    groupingsDown?: { field: string }[];
    groupingsAcross?: { field: string }[];
    aggregates?: { calculatedFormula: string }[];
    sortColumn?: string;
    timeFrameFilter?: { dateColumn?: string };
}
interface DashboardComponentXml {
    report: string;
    header: string;
}
type DashboardXml = { dashboardType: string } & Partial<
    Record<
        'leftSection' | 'middleSection' | 'rightSection',
        { components: DashboardComponentXml[] }
    >
>;
interface MetadataXml {
    ReportType: ReportTypeXml;
    Report: ReportXml;
    Dashboard: DashboardXml;
}
const readXml = (file: string) => xml.parse(readFileSync(file, 'utf8')) as MetadataXml;
const metaDir = (folder: string) => path.join(meta.root, folder);
const filesIn = (folder: string, suffix: string) =>
    walk(metaDir(folder)).filter((f) => f.endsWith(suffix));

/** Standard fields the report types may use, per object (custom fields come from force-app). */
const STANDARD_FIELDS: Record<string, string[]> = {
    Lead: [...Object.values(LEAD_FIELDS).filter((f) => !f.endsWith('__c')), 'Name'],
    Activity: ['Subject', 'Type', 'Status', 'ActivityDate', 'OwnerId', 'CreatedDate'],
    CampaignMember: ['CampaignId', 'Status', 'HasResponded', 'FirstRespondedDate'],
    Opportunity: ['Name', 'Amount', 'IsWon', 'IsClosed'],
    Campaign: ['Name', 'Type', 'ActualCost'],
    User: ['Name']
};
/** Standard child relationships (report type joins) and lookups, with their objects. */
const STANDARD_CHILDREN: Record<string, Record<string, string>> = {
    Lead: { Activities: 'Activity', CampaignMembers: 'CampaignMember' }
};
const STANDARD_LOOKUPS: Record<string, string> = {
    ConvertedOpportunity: 'Opportunity',
    Campaign: 'Campaign',
    Owner: 'User'
};

/** Whether `object` has field `name` (a lookup may be named without its Id suffix). */
function hasField(object: string, name: string): boolean {
    if (name.endsWith('__c')) return packageField(object, name);
    const standard = STANDARD_FIELDS[object] ?? ['Name'];
    return standard.includes(name) || standard.includes(`${name}Id`);
}

/** The object a report type table (`Lead`, `Lead.Activities`, `X__c.Y__r`) stands for. */
function tableObject(table: string): string | undefined {
    const [base, ...path] = table.split('.');
    let object: string | undefined = base;
    for (const rel of path) {
        if (!object) return undefined;
        const child: string | undefined = rel.endsWith('__r')
            ? [...meta.objects.values()].find((o) =>
                  [...o.fields.values()].some(
                      (f) => f.referenceTo === object && `${f.relationshipName}__r` === rel
                  )
              )?.name
            : STANDARD_CHILDREN[object]?.[rel];
        object = child;
    }
    return object;
}

/** Checks `Field` or `Lookup.Field` on a table's object; returns a problem or null. */
function fieldProblem(table: string, field: string): string | null {
    const object = tableObject(table);
    if (!object) return `${table}: unknown table`;
    const [first, second] = field.split('.');
    if (!hasField(object, first)) return `${table}: ${object} has no field ${first}`;
    if (second) {
        const target = first.endsWith('__c')
            ? meta.objects.get(object)?.fields.get(first)?.referenceTo
            : STANDARD_LOOKUPS[first];
        if (!target || !hasField(target, second)) return `${table}: ${field} is not a field`;
    }
    return null;
}

const reportTypes = new Map(
    filesIn('reportTypes', '.reportType-meta.xml').map((f) => {
        const rt = readXml(f).ReportType;
        const columns = new Set<string>(
            rt.sections.flatMap((s) => s.columns.map((c) => `${c.table}$${c.field}`))
        );
        return [path.basename(f, '.reportType-meta.xml'), { file: f, rt, columns }];
    })
);
const reports = filesIn('reports', '.report-meta.xml').map((f) => ({
    file: f,
    key: path.relative(metaDir('reports'), f).replace('.report-meta.xml', ''),
    report: readXml(f).Report
}));

/** Every `Table$Field` a report names: columns, filters, groupings, sort and date filter. */
function reportReferences(r: ReportXml): string[] {
    return [
        ...(r.columns ?? []).map((c) => c.field),
        ...(r.filter?.criteriaItems ?? []).map((c) => c.column),
        ...(r.groupingsDown ?? []).map((g) => g.field),
        ...(r.groupingsAcross ?? []).map((g) => g.field),
        r.sortColumn,
        r.timeFrameFilter?.dateColumn
    ].filter((x): x is string => typeof x === 'string');
}

describe('report types, reports and dashboards', () => {
    it('ships the report types, reports and dashboard of tracking and reporting', () => {
        expect([...reportTypes.keys()].sort()).toEqual([
            'LL_Audit_Runs',
            'LL_Leads',
            'LL_Leads_With_Activities',
            'LL_Leads_With_Campaign_History',
            'LL_Review_Meetings_With_Entries'
        ]);
        expect(reports.length).toBeGreaterThanOrEqual(9);
        expect(filesIn('dashboards', '.dashboard-meta.xml').length).toBeGreaterThan(0);
    });

    it('builds every report type on existing objects, relationships and fields', () => {
        const problems: string[] = [];
        for (const [name, { rt }] of reportTypes) {
            if (!name.startsWith(PACKAGE_PREFIX)) problems.push(`${name}: not prefixed`);
            if (String(rt.label).length > 50) problems.push(`${name}: label over 50`);
            if (String(rt.description).length > 255) problems.push(`${name}: description over 255`);
            let join = rt.join;
            let table = rt.baseObject;
            while (join) {
                table = `${table}.${join.relationship}`;
                if (!tableObject(table)) problems.push(`${name}: no relationship ${table}`);
                join = join.join;
            }
            for (const s of rt.sections) {
                for (const c of s.columns) {
                    if (!String(c.table).startsWith(rt.baseObject)) {
                        problems.push(`${name}: table ${c.table} is not under ${rt.baseObject}`);
                    }
                    const problem = fieldProblem(c.table, c.field);
                    if (problem) problems.push(`${name}: ${problem}`);
                }
            }
        }
        expect(problems).toEqual([]);
    });

    it('makes every report use an existing report type and only its columns', () => {
        const problems: string[] = [];
        for (const { key, report } of reports) {
            const typeName = String(report.reportType).replace(/__c$/, '');
            const type = reportTypes.get(typeName);
            if (!type) {
                problems.push(`${key}: no report type ${report.reportType}`);
                continue;
            }
            if (String(report.name).length > 40) problems.push(`${key}: name over 40`);
            if (String(report.description).length > 255)
                problems.push(`${key}: description over 255`);
            for (const ref of reportReferences(report)) {
                if (!type.columns.has(ref)) problems.push(`${key}: ${ref} is not in ${typeName}`);
            }
            for (const a of report.aggregates ?? []) {
                if (
                    !/^[\w\s/(),.:]+$/.test(a.calculatedFormula) ||
                    /\$/.test(a.calculatedFormula)
                ) {
                    problems.push(`${key}: formula ${a.calculatedFormula}`);
                }
            }
            const folder = path.dirname(key);
            if (!existsSync(path.join(metaDir('reports'), `${folder}.reportFolder-meta.xml`))) {
                problems.push(`${key}: no report folder ${folder}`);
            }
        }
        expect(problems).toEqual([]);
    });

    it('points every dashboard component at an existing report', () => {
        const problems: string[] = [];
        const keys = new Set(reports.map((r) => r.key));
        for (const f of filesIn('dashboards', '.dashboard-meta.xml')) {
            const d = readXml(f).Dashboard;
            const folder = path.basename(path.dirname(f));
            if (
                !existsSync(path.join(metaDir('dashboards'), `${folder}.dashboardFolder-meta.xml`))
            ) {
                problems.push(`${f}: no dashboard folder ${folder}`);
            }
            const components = (['leftSection', 'middleSection', 'rightSection'] as const).flatMap(
                (s) => d[s]?.components ?? []
            );
            expect(components.length).toBeGreaterThan(0);
            for (const c of components) {
                if (!keys.has(c.report))
                    problems.push(`${path.basename(f)}: no report ${c.report}`);
                if (String(c.header).length > 80) problems.push(`${c.header}: header over 80`);
            }
            // Each viewer sees only the leads they may see (sharing), like the components.
            expect(d.dashboardType).toBe('LoggedInUser');
        }
        expect(problems).toEqual([]);
    });

    it('catches a report naming a column its report type lacks (the check can fail)', () => {
        expect(reportTypes.get('LL_Leads')!.columns.has('Lead$Status')).toBe(true);
        expect(reportTypes.get('LL_Leads')!.columns.has('Lead$NoSuchField')).toBe(false);
        expect(fieldProblem('Lead', 'LL_No_Such__c')).toMatch(/no field/);
        expect(fieldProblem('Lead.Nope', 'Subject')).toMatch(/unknown table/);
        expect(fieldProblem('LL_Review_Meeting__c.LL_Entries__r', 'LL_Lead__c')).toBeNull();
    });
});
