import { LightningElement, wire } from 'lwc';
import { gql, graphql, refreshGraphQL } from 'lightning/graphql';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    DEFAULT_SCORING_MODEL,
    ENGAGEMENT_BANDS,
    FIT_FIELDS,
    FIT_GRADES,
    SCORING_MODEL,
    TIERS,
    checkModelVersions,
    newModelVersionRecord,
    parseScoringModelRecord,
    planActivation,
    previewScoringModel,
    previewSummary,
    reduceErrors,
    scoringInputsFromRecords,
    validateScoringModel
} from 'c/leadLoopCore';

/** Page size for the preview: with upperBound, GraphQL wants 200–2,000. */
export const PREVIEW_PAGE_SIZE = 2000;
/** The preview reads at most this many records of each object. */
export const PREVIEW_LIMIT = 10000;
const PREVIEW_OBJECTS = ['Lead', 'Task', 'Event', 'CampaignMember'];
const CURSOR_VARIABLE = {
    Lead: 'leadAfter',
    Task: 'taskAfter',
    Event: 'eventAfter',
    CampaignMember: 'memberAfter'
};

const PREVIEW_QUERY = gql`
    query scoringModelPreview(
        $leadAfter: String
        $taskAfter: String
        $eventAfter: String
        $memberAfter: String
        $pageSize: Int
        $upperBound: Int
    ) {
        uiapi {
            query {
                Lead(
                    first: $pageSize
                    after: $leadAfter
                    upperBound: $upperBound
                    where: { IsConverted: { eq: false } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            FirstName {
                                value
                            }
                            LastName {
                                value
                            }
                            Company {
                                value
                            }
                            Title {
                                value
                            }
                            Email {
                                value
                            }
                            Phone {
                                value
                            }
                            Industry {
                                value
                            }
                            NumberOfEmployees {
                                value
                            }
                            AnnualRevenue {
                                value
                            }
                            Country {
                                value
                            }
                            LeadSource {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            LL_Tier__c: LL_Tier__c {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                Task(
                    first: $pageSize
                    after: $taskAfter
                    upperBound: $upperBound
                    where: { WhoId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            Status {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                Event(
                    first: $pageSize
                    after: $eventAfter
                    upperBound: $upperBound
                    where: { WhoId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            StartDateTime {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
                CampaignMember(
                    first: $pageSize
                    after: $memberAfter
                    upperBound: $upperBound
                    where: { LeadId: { ne: null } }
                    orderBy: { Id: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            LeadId {
                                value
                            }
                            CampaignId {
                                value
                            }
                            Status {
                                value
                            }
                            HasResponded {
                                value
                            }
                            FirstRespondedDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            Campaign {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                    pageInfo {
                        hasNextPage
                        endCursor
                    }
                }
            }
        }
    }
`;

/** The rule lists admins edit in forms: where they live in the model and how they look. */
const RULE_SECTIONS = [
    {
        key: 'title',
        path: ['fit', 'title'],
        title: 'Title and seniority',
        help: 'The first rule whose keyword appears in the title counts.',
        listField: 'keywords',
        listLabel: 'Keywords'
    },
    {
        key: 'industry',
        path: ['fit', 'industry'],
        title: 'Industry',
        help: 'The first rule listing the lead’s industry counts.',
        listField: 'values',
        listLabel: 'Industries'
    },
    {
        key: 'companySize',
        path: ['fit', 'companySize'],
        title: 'Company size (employees)',
        help: 'From min (included) to max (excluded); leave max empty for no limit.',
        range: true
    },
    {
        key: 'country',
        path: ['fit', 'country'],
        title: 'Country',
        help: 'Country names or codes.',
        listField: 'values',
        listLabel: 'Countries'
    },
    {
        key: 'negative',
        path: ['fit', 'negative'],
        title: 'Negative criteria',
        help: 'Every matching rule counts: competitors, students… Points must be 0 or less.',
        listField: 'keywords',
        listLabel: 'Keywords or domains',
        target: true
    },
    {
        key: 'activities',
        path: ['engagement', 'activities'],
        title: 'Activities',
        help: 'The first rule that matches an activity gives its points, which then decay.',
        activity: true
    },
    {
        key: 'leadSource',
        path: ['engagement', 'leadSource'],
        title: 'Lead source',
        help: 'Points for how the lead came in, dated at its creation.',
        listField: 'values',
        listLabel: 'Sources'
    }
];

const NEGATIVE_TARGET_OPTIONS = [
    { label: 'Title', value: 'title' },
    { label: 'Company', value: 'company' },
    { label: 'Email', value: 'email' },
    { label: 'Email domain', value: 'emailDomain' }
];
const KIND_OPTIONS = [
    { label: 'Tasks and events', value: '' },
    { label: 'Tasks', value: 'Task' },
    { label: 'Events', value: 'Event' }
];
const TIER_OPTIONS = TIERS.map((t) => ({ label: t, value: t }));

const VERSION_COLUMNS = [
    { label: 'Version', fieldName: 'version', type: 'number', initialWidth: 90 },
    { label: 'Name', fieldName: 'name' },
    { label: 'Status', fieldName: 'status', initialWidth: 110 },
    { label: 'Activated', fieldName: 'activatedAt', type: 'date' },
    { label: 'Description', fieldName: 'description' },
    {
        type: 'action',
        typeAttributes: {
            rowActions: [
                { label: 'Open', name: 'open' },
                { label: 'Activate', name: 'activate' }
            ]
        }
    }
];

function clone(value) {
    return JSON.parse(JSON.stringify(value));
}

function getAt(object, path) {
    return path.reduce((o, key) => (o === null || o === undefined ? undefined : o[key]), object);
}

function setAt(object, path, value) {
    let o = object;
    for (const key of path.slice(0, -1)) {
        o = o[key];
    }
    o[path[path.length - 1]] = value;
}

/** A number typed into a form: '' → null when allowed; anything unparsable stays as typed, so validation names it. */
function parseNumber(raw, nullable) {
    if (raw === '' || raw === null || raw === undefined) {
        return nullable ? null : raw;
    }
    const n = Number(raw);
    return Number.isFinite(n) ? n : raw;
}

function parseList(raw) {
    return String(raw ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

function edgesOf(connection) {
    return (connection?.edges ?? []).map((edge) => edge.node).filter(Boolean);
}

/** The rule a validation error belongs to, e.g. `fit.title[0]` or `bands`. */
function ruleKeyOf(path) {
    const indexed = /^([A-Za-z.]+\[\d+\])/.exec(path);
    if (indexed) {
        return indexed[1];
    }
    return path.split('.').slice(0, 2).join('.') || 'definition';
}

/**
 * App page for admins: the scoring model versions, a form to edit criteria and points,
 * validation by rule, a preview of the tier distribution over current leads, saving a
 * new draft version and activating a version (the previous Active one is retired).
 */
export default class ScoringModelEditor extends LightningElement {
    versionsResult;
    versionRecords = [];
    versionErrors;
    versionsLoaded = false;

    selectedId = null;
    draft = clone(DEFAULT_SCORING_MODEL);
    description = '';
    dirty = false;
    busy = false;
    actionErrors;

    previewQuery;
    previewVariables;
    previewRunning = false;
    previewErrors;
    previewRecords;
    previewSeen;
    previewInputs;
    preview;

    columns = VERSION_COLUMNS;
    tierOptions = TIER_OPTIONS;
    negativeTargetOptions = NEGATIVE_TARGET_OPTIONS;
    kindOptions = KIND_OPTIONS;

    // ---- versions --------------------------------------------------------

    @wire(graphql, {
        query: gql`
            query scoringModelVersions {
                uiapi {
                    query {
                        LL_Scoring_Model__c(
                            first: 200
                            orderBy: { LL_Version__c: { order: DESC } }
                        ) {
                            edges {
                                node {
                                    Id
                                    Name {
                                        value
                                    }
                                    LL_Version__c: LL_Version__c {
                                        value
                                    }
                                    LL_Status__c: LL_Status__c {
                                        value
                                    }
                                    LL_Definition__c: LL_Definition__c {
                                        value
                                    }
                                    LL_Activated_At__c: LL_Activated_At__c {
                                        value
                                    }
                                    LL_Description__c: LL_Description__c {
                                        value
                                    }
                                    CreatedDate {
                                        value
                                    }
                                }
                            }
                        }
                    }
                }
            }
        `
    })
    wiredVersions(result) {
        this.versionsResult = result;
        if (result.errors) {
            this.versionErrors = reduceErrors(result.errors);
            return;
        }
        if (!result.data) {
            return;
        }
        this.versionErrors = undefined;
        this.versionRecords = edgesOf(result.data.uiapi?.query?.LL_Scoring_Model__c).map((r) =>
            parseScoringModelRecord(r)
        );
        const firstLoad = !this.versionsLoaded;
        this.versionsLoaded = true;
        const stillThere = this.versionRecords.some((v) => v.id === this.selectedId);
        if ((firstLoad || !stillThere) && !this.dirty) {
            const active = this.versionRecords.find((v) => v.status === 'Active');
            const pick = active ?? this.versionRecords[0];
            if (pick) {
                this.openVersion(pick.id);
            }
        }
    }

    get versions() {
        return this.versionRecords;
    }

    get versionRows() {
        return this.versionRecords.map((v) => ({
            id: v.id,
            version: v.version,
            name: v.name,
            status: v.status,
            activatedAt: v.activatedAt,
            description: v.description
        }));
    }

    get hasVersions() {
        return this.versionRecords.length > 0;
    }

    get noVersionsYet() {
        return this.versionsLoaded && !this.hasVersions;
    }

    get versionProblems() {
        return this.hasVersions ? checkModelVersions(this.versionRecords) : [];
    }

    get hasVersionProblems() {
        return this.versionProblems.length > 0;
    }

    get selected() {
        return this.versionRecords.find((v) => v.id === this.selectedId) ?? null;
    }

    get editingTitle() {
        const v = this.selected;
        if (!v) {
            return 'New model (not saved)';
        }
        return `Version ${v.version} · ${v.status ?? 'Unknown status'}${this.dirty ? ' · edited, not saved' : ''}`;
    }

    openVersion(id) {
        const v = this.versionRecords.find((r) => r.id === id);
        if (!v) {
            return;
        }
        let definition = v.model;
        if (!definition) {
            try {
                definition = JSON.parse(v.definition);
            } catch {
                definition = clone(DEFAULT_SCORING_MODEL);
            }
        }
        this.selectedId = v.id;
        this.draft = clone(definition);
        this.description = v.description ?? '';
        this.dirty = false;
        this.actionErrors = undefined;
        this.recomputePreview();
    }

    handleRowAction(event) {
        const { action, row } = event.detail;
        if (action.name === 'open') {
            this.openVersion(row.id);
        } else if (action.name === 'activate') {
            this.activate(row.id);
        }
    }

    handleStartFromDefault() {
        this.selectedId = null;
        this.draft = clone(DEFAULT_SCORING_MODEL);
        this.description = '';
        this.dirty = true;
        this.recomputePreview();
    }

    // ---- validation --------------------------------------------------------

    get validation() {
        return validateScoringModel(this.draft);
    }

    get isValid() {
        return this.validation.ok;
    }

    get errorCount() {
        return this.validation.errors.length;
    }

    get errorGroups() {
        const groups = new Map();
        for (const error of this.validation.errors) {
            const key = ruleKeyOf(error.path);
            if (!groups.has(key)) {
                const rule = getAt(this.draft, key.replace(/\[(\d+)\]/g, '.$1').split('.'));
                const label =
                    rule && typeof rule === 'object' && typeof rule.label === 'string'
                        ? `${rule.label} (${key})`
                        : key;
                groups.set(key, { key, label, errors: [] });
            }
            groups.get(key).errors.push({
                key: `${error.path}|${error.check}|${error.message}`,
                message: error.message
            });
        }
        return [...groups.values()];
    }

    get validationText() {
        return this.isValid
            ? 'The model is valid.'
            : `${this.errorCount} problem${this.errorCount === 1 ? '' : 's'} to fix before saving or activating.`;
    }

    errorsFor(prefix) {
        return this.validation.errors
            .filter(
                (e) =>
                    e.path === prefix ||
                    e.path.startsWith(`${prefix}.`) ||
                    e.path.startsWith(`${prefix}[`)
            )
            .map((e) => e.message)
            .join(' ');
    }

    // ---- form: scalars -------------------------------------------------------

    get halfLifeDays() {
        return this.draft.engagement?.halfLifeDays;
    }

    get maxAgeDays() {
        return this.draft.engagement?.maxAgeDays;
    }

    get grades() {
        return this.draft.grades ?? {};
    }

    get caps() {
        return this.draft.engagement?.caps ?? {};
    }

    get campaign() {
        return this.draft.engagement?.campaign ?? {};
    }

    get email() {
        const email = this.draft.fit?.email ?? {};
        return {
            ...email,
            freeMailDomainsText: (email.freeMailDomains ?? []).join(', '),
            junkKeywordsText: (email.junkKeywords ?? []).join(', ')
        };
    }

    get completeness() {
        return this.draft.fit?.completeness ?? {};
    }

    get completenessOptions() {
        return FIT_FIELDS.map((f) => ({ label: f, value: f }));
    }

    get completenessFields() {
        return this.completeness.fields ?? [];
    }

    get weights() {
        return this.draft.scoreWeights ?? {};
    }

    get salesReadyTiers() {
        return this.draft.salesReadyTiers ?? [];
    }

    get modelName() {
        return this.draft.name;
    }

    handleFieldChange(event) {
        const path = event.target.dataset.path.split('.');
        const kind = event.target.dataset.kind;
        let value = event.detail?.value ?? event.target.value;
        if (kind === 'number' || kind === 'nullable-number') {
            value = parseNumber(value, kind === 'nullable-number');
        } else if (kind === 'list') {
            value = parseList(value);
        } else if (kind === 'multi') {
            value = [...(value ?? [])];
        }
        this.update((draft) => setAt(draft, path, value));
    }

    handleDescriptionChange(event) {
        this.description = event.detail?.value ?? event.target.value;
        this.dirty = true;
    }

    update(mutator) {
        const next = clone(this.draft);
        try {
            mutator(next);
        } catch {
            // a path that does not exist in a broken definition: leave it to validation
            return;
        }
        this.draft = next;
        this.dirty = true;
        this.recomputePreview();
    }

    // ---- form: rule lists -------------------------------------------------

    get ruleSections() {
        return RULE_SECTIONS.map((section) => {
            const rules = getAt(this.draft, section.path);
            const base = section.path.join('.');
            return {
                ...section,
                id: `section-${section.key}`,
                rows: (Array.isArray(rules) ? rules : []).map((rule, index) => {
                    const rulePath = `${base}[${index}]`;
                    const error = this.errorsFor(rulePath);
                    return {
                        key: `${section.key}-${index}`,
                        index,
                        label: rule?.label ?? '',
                        listText: section.listField
                            ? (rule?.[section.listField] ?? []).join(', ')
                            : '',
                        points: rule?.points,
                        min: rule?.min,
                        max: rule?.max,
                        target: rule?.target,
                        kind: rule?.kind ?? '',
                        typesText: (rule?.types ?? []).join(', '),
                        subjectText: (rule?.subjectKeywords ?? []).join(', '),
                        error,
                        rowClass: error
                            ? 'slds-box slds-box_x-small slds-m-bottom_x-small slds-theme_shade'
                            : 'slds-box slds-box_x-small slds-m-bottom_x-small',
                        removeLabel: `Remove ${rule?.label || `rule ${index + 1}`}`
                    };
                })
            };
        });
    }

    sectionOf(event) {
        return RULE_SECTIONS.find((s) => s.key === event.target.dataset.section);
    }

    handleRuleChange(event) {
        const section = this.sectionOf(event);
        const index = Number(event.target.dataset.index);
        const field = event.target.dataset.field;
        const raw = event.detail?.value ?? event.target.value;
        this.update((draft) => {
            const rule = getAt(draft, section.path)[index];
            if (field === 'points' || field === 'min') {
                rule[field] = parseNumber(raw, false);
            } else if (field === 'max') {
                rule.max = parseNumber(raw, true);
            } else if (field === 'list') {
                rule[section.listField] = parseList(raw);
            } else if (field === 'types' || field === 'subjectKeywords') {
                const list = parseList(raw);
                if (list.length) {
                    rule[field] = list;
                } else {
                    delete rule[field];
                }
            } else if (field === 'kind') {
                if (raw) {
                    rule.kind = raw;
                } else {
                    delete rule.kind;
                }
            } else {
                rule[field] = raw;
            }
        });
    }

    handleAddRule(event) {
        const section = this.sectionOf(event);
        this.update((draft) => {
            const list = getAt(draft, section.path);
            const n = list.length + 1;
            const rule = {
                id: `${section.key}-${Date.now().toString(36)}-${n}`,
                label: `New rule ${n}`
            };
            if (section.range) {
                Object.assign(rule, { min: 0, max: null, points: 0 });
            } else if (section.activity) {
                Object.assign(rule, { points: 0 });
            } else if (section.target) {
                Object.assign(rule, { target: 'title', keywords: [], points: 0 });
            } else {
                Object.assign(rule, { [section.listField]: [], points: 0 });
            }
            list.push(rule);
        });
    }

    handleRemoveRule(event) {
        const section = this.sectionOf(event);
        const index = Number(event.target.dataset.index);
        this.update((draft) => getAt(draft, section.path).splice(index, 1));
    }

    // ---- form: bands and matrix ---------------------------------------------

    get bandRows() {
        const bands = Array.isArray(this.draft.bands) ? this.draft.bands : [];
        return bands.map((b, index) => ({
            key: `band-${index}`,
            index,
            band: b?.band,
            min: b?.min,
            max: b?.max,
            minLabel: `${b?.band ?? 'Band'} from`,
            maxLabel: `${b?.band ?? 'Band'} below (empty: no limit)`,
            minPath: `bands.${index}.min`,
            maxPath: `bands.${index}.max`,
            error: this.errorsFor(`bands[${index}]`)
        }));
    }

    get matrixRows() {
        const matrix = this.draft.matrix ?? {};
        return FIT_GRADES.map((grade) => ({
            grade,
            cells: ENGAGEMENT_BANDS.map((band) => ({
                key: `${grade}-${band}`,
                band,
                grade,
                label: `Grade ${grade}, ${band} engagement`,
                value: matrix[grade]?.[band] ?? null,
                path: `matrix.${grade}.${band}`
            }))
        }));
    }

    get bandNames() {
        return ENGAGEMENT_BANDS.map((b) => ({ key: b, label: b }));
    }

    get matrixError() {
        return (
            this.errorsFor('matrix') +
            (this.errorsFor('salesReadyTiers') ? ` ${this.errorsFor('salesReadyTiers')}` : '')
        );
    }

    get bandsError() {
        return this.validation.errors
            .filter((e) => e.path === 'bands')
            .map((e) => e.message)
            .join(' ');
    }

    // ---- save and activate ------------------------------------------------

    get saveDisabled() {
        return this.busy || !this.isValid || !this.versionsLoaded;
    }

    get canActivateSelected() {
        const v = this.selected;
        return Boolean(v && v.status !== 'Active' && v.model && !this.dirty && !this.busy);
    }

    get activateDisabled() {
        return !this.canActivateSelected;
    }

    get hasActionErrors() {
        return Boolean(this.actionErrors?.length);
    }

    async handleSave() {
        if (!this.isValid) {
            return;
        }
        this.busy = true;
        this.actionErrors = undefined;
        try {
            const fields = newModelVersionRecord(
                this.validation.model,
                this.versionRecords,
                this.description
            );
            const created = await createRecord({ apiName: SCORING_MODEL.objectApiName, fields });
            this.selectedId = created?.id ?? null;
            this.dirty = false;
            this.toast(
                'Draft saved',
                `Saved as version ${fields[SCORING_MODEL.fields.version]} (Draft).`,
                'success'
            );
            await refreshGraphQL(this.versionsResult);
        } catch (error) {
            this.actionErrors = reduceErrors(error);
        } finally {
            this.busy = false;
        }
    }

    handleActivateSelected() {
        if (this.selectedId) {
            this.activate(this.selectedId);
        }
    }

    async activate(id) {
        const plan = planActivation(this.versionRecords, id, new Date());
        if (!plan.ok) {
            this.actionErrors = plan.errors;
            return;
        }
        this.busy = true;
        this.actionErrors = undefined;
        try {
            // The new version first, then retire the old ones: scoring always finds an Active model.
            for (const fields of plan.updates) {
                // eslint-disable-next-line no-await-in-loop
                await updateRecord({ fields });
            }
            const v = this.versionRecords.find((r) => r.id === id);
            this.toast(
                'Model activated',
                `Version ${v?.version} is now Active. Rescore leads to apply it.`,
                'success'
            );
            await refreshGraphQL(this.versionsResult);
        } catch (error) {
            this.actionErrors = reduceErrors(error);
        } finally {
            this.busy = false;
        }
    }

    // ---- preview ---------------------------------------------------------------

    @wire(graphql, { query: '$previewQuery', variables: '$previewVariables' })
    wiredPreview(result) {
        if (!this.previewRunning || !this.previewVariables) {
            return;
        }
        if (result.errors) {
            this.previewErrors = reduceErrors(result.errors);
            this.previewRunning = false;
            return;
        }
        const query = result.data?.uiapi?.query;
        if (!query) {
            return;
        }
        const next = { ...this.previewVariables };
        let more = false;
        for (const object of PREVIEW_OBJECTS) {
            const connection = query[object];
            for (const node of edgesOf(connection)) {
                if (!this.previewSeen[object].has(node.Id)) {
                    this.previewSeen[object].add(node.Id);
                    this.previewRecords[object].push(node);
                }
            }
            const pageInfo = connection?.pageInfo;
            if (
                pageInfo?.hasNextPage &&
                pageInfo.endCursor &&
                this.previewRecords[object].length < PREVIEW_LIMIT
            ) {
                next[CURSOR_VARIABLE[object]] = pageInfo.endCursor;
                more = true;
            } else if (pageInfo?.endCursor) {
                next[CURSOR_VARIABLE[object]] = pageInfo.endCursor;
            }
        }
        // fields are reactive on assignment only: hand the template a new object
        this.previewRecords = { ...this.previewRecords };
        if (more) {
            this.previewVariables = next;
            return;
        }
        this.finishPreview();
    }

    get previewDisabled() {
        return this.previewRunning || !this.isValid;
    }

    get previewButtonLabel() {
        return this.previewInputs ? 'Reload preview' : 'Preview over current leads';
    }

    get previewProgress() {
        if (!this.previewRunning || !this.previewRecords) {
            return '';
        }
        return `Reading leads… ${this.previewRecords.Lead.length} leads, ${this.previewRecords.Task.length + this.previewRecords.Event.length} activities so far.`;
    }

    get hasPreviewErrors() {
        return Boolean(this.previewErrors?.length);
    }

    handlePreview() {
        this.previewErrors = undefined;
        this.previewInputs = undefined;
        this.preview = undefined;
        this.previewRecords = { Lead: [], Task: [], Event: [], CampaignMember: [] };
        this.previewSeen = {
            Lead: new Set(),
            Task: new Set(),
            Event: new Set(),
            CampaignMember: new Set()
        };
        this.previewRunning = true;
        this.previewQuery = PREVIEW_QUERY;
        this.previewVariables = {
            leadAfter: null,
            taskAfter: null,
            eventAfter: null,
            memberAfter: null,
            pageSize: PREVIEW_PAGE_SIZE,
            upperBound: PREVIEW_LIMIT
        };
    }

    finishPreview() {
        this.previewInputs = scoringInputsFromRecords(this.previewRecords);
        this.previewRunning = false;
        this.previewVariables = undefined;
        this.previewQuery = undefined;
        this.recomputePreview();
    }

    recomputePreview() {
        if (!this.previewInputs) {
            return;
        }
        const validation = validateScoringModel(this.draft);
        this.preview = validation.ok
            ? previewScoringModel(this.previewInputs, validation.model, new Date())
            : undefined;
    }

    get hasPreview() {
        return Boolean(this.preview);
    }

    get previewStale() {
        return Boolean(this.previewInputs) && !this.preview;
    }

    get previewText() {
        return this.preview ? previewSummary(this.preview) : '';
    }

    get previewTiers() {
        const p = this.preview;
        if (!p) {
            return [];
        }
        return TIERS.map((tier) => {
            const count = p.byTier[tier];
            const percent = p.total ? Math.round((count / p.total) * 100) : 0;
            return {
                tier,
                count,
                percent: `${percent}%`,
                barStyle: `width: ${percent}%`,
                label: `${tier}: ${count} leads, ${percent}%`
            };
        });
    }

    get previewChanged() {
        const p = this.preview;
        return p
            ? `${p.changedTier} of ${p.total} leads would change tier (${p.unscored} not scored yet).`
            : '';
    }

    get previewTransitions() {
        const p = this.preview;
        if (!p) {
            return [];
        }
        return Object.entries(p.transitions)
            .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
            .slice(0, 8)
            .map(([key, count]) => ({ key, text: `${key}: ${count}` }));
    }

    toast(title, message, variant) {
        this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
    }
}
