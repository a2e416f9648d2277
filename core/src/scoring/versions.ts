/**
 * The model as versioned data in LL_Scoring_Model__c: reading records, the next version
 * number, activation (exactly one Active; the previous Active becomes Retired; nothing is
 * ever deleted) and the default model record that ships with the package.
 */
import { fieldValue, type SalesforceRecord } from '../records';
import { SCORING_MODEL } from '../schema';
import { DEFAULT_SCORING_MODEL, type ScoringModel } from './model';
import { validateScoringModelJson, type ModelError } from './validate';

export const MODEL_STATUSES = ['Draft', 'Active', 'Retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export interface ScoringModelVersion {
    id: string | null;
    name: string;
    version: number | null;
    status: ModelStatus | null;
    description: string | null;
    activatedAt: string | null;
    createdDate: string | null;
    /** The definition as stored (JSON text). */
    definition: string;
    /** The validated model, or null with `errors` when the definition is invalid. */
    model: ScoringModel | null;
    errors: ModelError[];
}

function get(record: SalesforceRecord, apiName: string): unknown {
    const flat =
        record.fields && typeof record.fields === 'object'
            ? { Id: record.id, ...(record.fields as SalesforceRecord) }
            : record;
    return fieldValue(flat[apiName]);
}

function str(value: unknown): string | null {
    return typeof value === 'string' && value !== '' ? value : null;
}

/** Reads an LL_Scoring_Model__c record (REST, UI API or GraphQL shape). Never throws. */
export function parseScoringModelRecord(
    record: SalesforceRecord | null | undefined
): ScoringModelVersion {
    const f = SCORING_MODEL.fields;
    const r = record && typeof record === 'object' ? record : {};
    const versionRaw = Number(get(r, f.version));
    const status = get(r, f.status);
    const definition =
        typeof get(r, f.definition) === 'string' ? (get(r, f.definition) as string) : '';
    const validation = validateScoringModelJson(definition);
    return {
        id: str(get(r, f.id)),
        name: str(get(r, f.name)) ?? '',
        version: get(r, f.version) !== null && Number.isFinite(versionRaw) ? versionRaw : null,
        status: (MODEL_STATUSES as readonly unknown[]).includes(status)
            ? (status as ModelStatus)
            : null,
        description: str(get(r, f.description)),
        activatedAt: str(get(r, f.activatedAt)),
        createdDate: str(get(r, f.createdDate)),
        definition,
        model: validation.ok ? (validation.model ?? null) : null,
        errors: validation.errors
    };
}

/** The next version number: one above the highest kept (1 for the first). */
export function nextModelVersion(versions: readonly { version: number | null }[]): number {
    let max = 0;
    for (const v of versions) {
        if (typeof v.version === 'number' && Number.isFinite(v.version) && v.version > max) {
            max = v.version;
        }
    }
    return Math.floor(max) + 1;
}

/**
 * The model to score with: the Active version (the highest if the data has more than one),
 * or the default model (version 0 when nothing is stored or the active one is invalid).
 */
export function activeScoringModel(versions: readonly ScoringModelVersion[]): {
    model: ScoringModel;
    version: number;
    fromDefault: boolean;
} {
    const active = versions
        .filter((v) => v.status === 'Active' && v.model)
        .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
    if (active?.model) {
        return { model: active.model, version: active.version ?? 0, fromDefault: false };
    }
    return { model: DEFAULT_SCORING_MODEL, version: 0, fromDefault: true };
}

/** Problems with the stored versions as a whole (shown to admins, checked by the doctor). */
export function checkModelVersions(versions: readonly ScoringModelVersion[]): string[] {
    const problems: string[] = [];
    const active = versions.filter((v) => v.status === 'Active');
    if (active.length === 0) {
        problems.push('No scoring model version is Active; the built-in default model is used.');
    } else if (active.length > 1) {
        problems.push(
            `${active.length} scoring model versions are Active (${active.map((v) => `v${v.version}`).join(', ')}); exactly one must be. Activate one to retire the others.`
        );
    }
    const seen = new Map<number, number>();
    for (const v of versions) {
        if (v.version !== null) {
            seen.set(v.version, (seen.get(v.version) ?? 0) + 1);
        }
    }
    for (const [version, count] of seen) {
        if (count > 1) {
            problems.push(
                `Version ${version} is used by ${count} records; versions must be unique.`
            );
        }
    }
    for (const v of active) {
        if (!v.model) {
            problems.push(
                `Active version v${v.version} has an invalid definition: ${v.errors[0]?.message ?? 'unknown error'}`
            );
        }
    }
    return problems;
}

export interface ActivationPlan {
    ok: boolean;
    errors: string[];
    /** Records to update (Id + fields, API names): the new Active first, then the retired. */
    updates: SalesforceRecord[];
}

/**
 * Activating a version: it must exist and hold a valid model; it becomes Active with
 * LL_Activated_At__c = now, and every other Active version becomes Retired. Drafts and
 * retired versions are kept as they are.
 */
export function planActivation(
    versions: readonly ScoringModelVersion[],
    targetId: string,
    now: Date
): ActivationPlan {
    const f = SCORING_MODEL.fields;
    const target = versions.find((v) => v.id === targetId);
    if (!target) {
        return { ok: false, errors: [`Scoring model ${targetId} was not found.`], updates: [] };
    }
    if (!target.model) {
        return {
            ok: false,
            errors: [
                `Version v${target.version} cannot be activated: fix its definition first.`,
                ...target.errors.map((e) => e.message)
            ],
            updates: []
        };
    }
    const updates: SalesforceRecord[] = [];
    if (target.status !== 'Active') {
        updates.push({
            [f.id]: target.id,
            [f.status]: 'Active',
            [f.activatedAt]: now.toISOString()
        });
    }
    for (const v of versions) {
        if (v.status === 'Active' && v.id !== target.id && v.id) {
            updates.push({ [f.id]: v.id, [f.status]: 'Retired' });
        }
    }
    return { ok: true, errors: [], updates };
}

/** The fields of a new Draft version (for createRecord / insert). */
export function newModelVersionRecord(
    model: ScoringModel,
    versions: readonly { version: number | null }[],
    description?: string
): SalesforceRecord {
    const f = SCORING_MODEL.fields;
    const version = nextModelVersion(versions);
    return {
        [f.name]: `${model.name} v${version}`.slice(0, 80),
        [f.version]: version,
        [f.status]: 'Draft',
        [f.definition]: JSON.stringify(model, null, 2),
        [f.description]: (description ?? model.description ?? '').slice(0, 255) || null
    };
}

/**
 * The default model as the LL_Scoring_Model__c record the seed / doctor inserts on
 * install: version 1, Active. Insert it only when the org holds no scoring model yet.
 */
export function defaultModelRecord(now?: Date): SalesforceRecord {
    const f = SCORING_MODEL.fields;
    return {
        [f.name]: `${DEFAULT_SCORING_MODEL.name} v1`,
        [f.version]: 1,
        [f.status]: 'Active',
        [f.definition]: JSON.stringify(DEFAULT_SCORING_MODEL, null, 2),
        [f.description]: DEFAULT_SCORING_MODEL.description?.slice(0, 255) ?? null,
        [f.activatedAt]: now ? now.toISOString() : null
    };
}
