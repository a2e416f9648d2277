/**
 * One definition of every record read (issue 11): each component's GraphQL query reads
 * exactly the fields the core lists for its purpose, and a model using any field the
 * editor offers scores a lead the same whether the lead was read as the CLI reads it, as
 * the score card's query returns it or as the preview's query returns it.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
    BOARD_READS,
    DEFAULT_SCORING_MODEL,
    MEETING_READS,
    REP_ACTIVITY_READS,
    REP_LEAD_READS,
    FIT_FIELDS,
    FUNNEL_READS,
    HANDBACK_READS,
    HYGIENE_LEAD_READS,
    HYGIENE_LEAD_RELATED_READS,
    HYGIENE_PAGE_READS,
    NURTURE_QUEUE_READS,
    PREVIEW_READS,
    SCORING_MODEL_READS,
    SCORING_READS,
    previewScoringModel,
    scoreLead,
    scoringInputsFromRecords,
    validateScoringModel,
    type ObjectReads,
    type ScoringModel,
    type ScoringRecords
} from '../core/src/index';
import {
    componentQueries,
    componentQuery,
    fieldsRead,
    shapeNode,
    type ComponentQuery
} from './support/componentQueries';

// The components' query modules, loaded as the platform builds them: `gql` gives the text.
vi.mock('lightning/graphql', () => ({
    gql: (strings: TemplateStringsArray, ...values: unknown[]) =>
        String.raw({ raw: strings }, ...values)
}));
vi.mock('c/leadLoopCore', async () => await import('../core/src/index'));

/** Every component query, by operation name → the core's read lists it must match. */
const QUERY_READS: Record<string, ObjectReads> = {
    handBackSettings: HANDBACK_READS,
    // Aggregates only (uiapi.aggregate): no record fields read.
    leadLoopFunnel0: {},
    leadLoopFunnel1: {},
    leadLoopFunnel2: {},
    leadLoopFunnelSettings: FUNNEL_READS,
    hygieneAudit: HYGIENE_PAGE_READS,
    leadHygieneLead: HYGIENE_LEAD_READS,
    leadHygieneRelated: HYGIENE_LEAD_RELATED_READS,
    leadScoreCard: SCORING_READS,
    nurtureQueue: NURTURE_QUEUE_READS,
    scoringModelPreview: PREVIEW_READS,
    scoringModelVersions: SCORING_MODEL_READS,
    reviewBoard: BOARD_READS,
    reviewMeeting: MEETING_READS,
    repLeadsToAct: REP_LEAD_READS,
    repLeadActivities: REP_ACTIVITY_READS
};

const sorted = (list: readonly string[]) => [...list].sort();

describe('component queries read what the core lists', () => {
    let queries: ComponentQuery[] = [];
    beforeAll(async () => {
        queries = await componentQueries();
    });

    it('finds every component query, each registered with its read lists', () => {
        expect(queries.map((q) => q.operation).sort()).toEqual(Object.keys(QUERY_READS).sort());
    });

    it('reads exactly the listed objects and fields in every query', () => {
        for (const query of queries) {
            const reads = QUERY_READS[query.operation];
            expect(Object.keys(query.objects).sort(), query.where).toEqual(
                Object.keys(reads).sort()
            );
            for (const [object, selection] of Object.entries(query.objects)) {
                expect(sorted(fieldsRead(selection)), `${query.where}: ${object}`).toEqual(
                    sorted(reads[object])
                );
            }
        }
    });
});

// ---- the same lead through the three paths --------------------------------------

const NOW = new Date('2026-11-20T12:00:00.000Z');
const LEAD_ID = '00Q000000000001AAA';

/** A lead as stored in the org, every field set, with its activities and a campaign. */
const ORG: Record<keyof ScoringRecords, Record<string, unknown>[]> = {
    Lead: [
        {
            Id: LEAD_ID,
            FirstName: 'Ada',
            LastName: 'Lovelace',
            Company: 'Analytical Engines',
            Title: 'VP Engineering',
            Email: 'ada@analytical-engines.co.uk',
            Phone: '+44 20 0000 0000',
            Industry: 'Technology',
            NumberOfEmployees: 750,
            AnnualRevenue: 25_000_000,
            Country: 'United Kingdom',
            LeadSource: 'Web',
            Status: 'Working',
            IsConverted: false,
            CreatedDate: '2026-11-01T09:00:00.000Z',
            LL_Score__c: 40,
            LL_Fit_Grade__c: 'B',
            LL_Engagement__c: 12.5,
            LL_Tier__c: 'Cool',
            LL_Sales_Ready__c: false,
            LL_Score_Reasons__c: '[]',
            LL_Score_Summary__c: 'Cool',
            LL_Scored_At__c: '2026-11-10T09:00:00.000Z',
            LL_Model_Version__c: 1,
            LL_Previous_Score__c: null,
            LL_Previous_Tier__c: null
        }
    ],
    Task: [
        {
            Id: '00T000000000001AAA',
            WhoId: LEAD_ID,
            OwnerId: '005000000000001AAA',
            Subject: 'Demo call',
            Type: 'Call',
            Status: 'Completed',
            ActivityDate: '2026-11-15',
            CreatedDate: '2026-11-15T10:00:00.000Z'
        }
    ],
    Event: [
        {
            Id: '00U000000000001AAA',
            WhoId: LEAD_ID,
            OwnerId: '005000000000001AAA',
            Subject: 'Meeting',
            Type: 'Meeting',
            ActivityDate: null,
            StartDateTime: '2026-11-18T14:00:00.000Z',
            CreatedDate: '2026-11-16T10:00:00.000Z'
        }
    ],
    CampaignMember: [
        {
            Id: '00v000000000001AAA',
            LeadId: LEAD_ID,
            CampaignId: '701000000000001AAA',
            Status: 'Responded',
            HasResponded: true,
            FirstRespondedDate: '2026-11-12',
            CreatedDate: '2026-11-11T10:00:00.000Z',
            Campaign: { Name: 'Cloud Expo' }
        }
    ]
};
const OBJECTS = Object.keys(ORG) as (keyof ScoringRecords)[];

/** As the CLI reads them: flat REST records carrying the `SCORING_READS` fields. */
function cliRecords(): ScoringRecords {
    const pick = (row: Record<string, unknown>, fields: readonly string[]) =>
        Object.fromEntries(
            fields.map((f) => {
                const [parent, field] = f.split('.');
                return field
                    ? [parent, { [field]: (row[parent] as Record<string, unknown>)?.[field] }]
                    : [f, row[f]];
            })
        );
    return Object.fromEntries(
        OBJECTS.map((o) => [o, ORG[o].map((row) => pick(row, SCORING_READS[o]))])
    ) as unknown as ScoringRecords;
}

/** As a component's query returns them: GraphQL nodes shaped by that query's selection. */
function queryRecords(query: ComponentQuery): ScoringRecords {
    return Object.fromEntries(
        OBJECTS.map((o) => [o, ORG[o].map((row) => shapeNode(query.objects[o], row))])
    ) as unknown as ScoringRecords;
}

/** The default model, counting only `field` for completeness (and heavily, so it shows). */
function modelCounting(field: string): ScoringModel {
    const definition = structuredClone(DEFAULT_SCORING_MODEL) as ScoringModel;
    definition.fit.completeness = { fields: [field as never], pointsPerField: 20 };
    const validation = validateScoringModel(definition);
    if (!validation.model) throw new Error(JSON.stringify(validation.errors));
    return validation.model;
}

describe('a lead scores the same in the CLI, the score card and the preview', () => {
    let cardQuery: ComponentQuery;
    let previewQuery: ComponentQuery;
    beforeAll(async () => {
        cardQuery = await componentQuery('leadScoreCard');
        previewQuery = await componentQuery('scoringModelPreview');
    });

    it.each(FIT_FIELDS.map((f) => [f]))('with a model counting %s', (field) => {
        const model = modelCounting(field);
        const [cli] = scoringInputsFromRecords(cliRecords());
        const [card] = scoringInputsFromRecords(queryRecords(cardQuery));
        const [preview] = scoringInputsFromRecords(queryRecords(previewQuery));

        const expected = scoreLead(cli, model, NOW);
        // The field counts: without it the lead would score less.
        const without = scoreLead(
            { ...cli, lead: { ...cli.lead, [field]: undefined } },
            model,
            NOW
        );
        expect(without.fitPoints).toBeLessThan(expected.fitPoints);

        expect(scoreLead(card, model, NOW)).toEqual(expected);
        expect(scoreLead(preview, model, NOW)).toEqual(expected);
        expect(previewScoringModel([preview], model, NOW).byTier[expected.tier]).toBe(1);
    });
});
