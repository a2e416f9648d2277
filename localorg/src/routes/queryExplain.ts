/**
 * `GET /query?explain=SOQL` (or a list view's id): the query's plan. The local org has no optimizer of the
 * platform's kind (SQLite plans its own reads), so it answers one plan, a table scan, with
 * what a plan is read for: how many rows the query selects out of how many the object has.
 */
import { ApiError } from '../http/errors';
import { parseSoql, runSoql } from '../store/soql';
import { objectInfoOf } from '../store/soqlWhere';
import type { SqliteSource } from '../store/sqliteSource';
import { listViewById } from './listViews';

export interface QueryPlan {
    cardinality: number;
    fields: string[];
    leadingOperationType: 'TableScan';
    notes: { description: string; fields: string[]; tableEnumOrId: string }[];
    relativeCost: number;
    sobjectCardinality: number;
    sobjectType: string;
}

export function explainQuery(
    store: SqliteSource,
    text: string
): { plans: QueryPlan[]; sourceQuery: string } {
    const view = listViewById(store, text);
    if (view) return { ...explainQuery(store, view.query), sourceQuery: text };
    const sObject = parseSoql(text).sObject;
    if (!sObject)
        throw new ApiError(400, 'MALFORMED_QUERY', 'Only a query with a FROM can be explained.');
    const info = objectInfoOf(store, sObject);
    const cardinality = runSoql(store, text).totalSize;
    // The object's name comes from the schema, never from the request's text.
    const sobjectCardinality = runSoql(store, `SELECT COUNT() FROM ${info.name}`).totalSize;
    return {
        plans: [
            {
                cardinality,
                fields: [],
                leadingOperationType: 'TableScan',
                notes: [],
                relativeCost: sobjectCardinality ? cardinality / sobjectCardinality : 0,
                sobjectCardinality,
                sobjectType: info.name
            }
        ],
        sourceQuery: text
    };
}
