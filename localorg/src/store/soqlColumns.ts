/**
 * A query's column metadata (`GET /query?q=...&columns=true`), as the platform
 * describes a SOQL query's result columns without running it: the sf CLI's
 * `data query` reads it to lay out its table and CSV. Parent paths become one
 * column per relationship with `joinColumns`, a child subquery an aggregate
 * column with its own columns, an aggregate function `exprN` (or its alias).
 */
import type { Query } from '@jetstreamapp/soql-parser-js';
import type { SqliteSource } from './sqliteSource';
import type { FieldInfo, ObjectInfo } from './source';
import { parseSoql, objectInfoOf } from './soql';
import { expandFields, planToLabel, planTypeof } from './soqlSelect';
import { isDateFunction } from './soqlDateFunctions';
import { canonicalPath, selectedCompound } from './soqlWhere';

export interface ColumnMetadata {
    aggregate: boolean;
    apexType: string | null;
    booleanType: boolean;
    columnName: string;
    custom: boolean;
    displayName: string;
    foreignKeyName: string | null;
    insertable: boolean;
    joinColumns: ColumnMetadata[];
    numberType: boolean;
    textType: boolean;
    updatable: boolean;
}

const APEX_TYPES: Record<FieldInfo['kind'], string> = {
    id: 'Id',
    reference: 'Id',
    string: 'String',
    textarea: 'String',
    email: 'String',
    phone: 'String',
    url: 'String',
    picklist: 'String',
    multipicklist: 'String',
    combobox: 'String',
    boolean: 'Boolean',
    int: 'Integer',
    double: 'Double',
    currency: 'Double',
    percent: 'Double',
    date: 'Date',
    datetime: 'Datetime'
};

function column(name: string, displayName: string, extra: Partial<ColumnMetadata> = {}) {
    return {
        aggregate: false,
        apexType: null,
        booleanType: false,
        columnName: name,
        custom: false,
        displayName,
        foreignKeyName: null,
        insertable: false,
        joinColumns: [],
        numberType: false,
        textType: false,
        updatable: false,
        ...extra
    } as ColumnMetadata;
}

function fieldColumn(field: FieldInfo, displayName: string): ColumnMetadata {
    const apexType = APEX_TYPES[field.kind];
    return column(field.name, displayName, {
        apexType,
        booleanType: apexType === 'Boolean',
        custom: field.name.endsWith('__c'),
        insertable: field.createable,
        numberType: ['Integer', 'Double'].includes(apexType),
        textType: apexType === 'String',
        updatable: field.updateable
    });
}

/** Adds a (possibly dotted) field path under `columns`, merging shared relationships. */
function addPath(
    store: SqliteSource,
    info: ObjectInfo,
    columns: ColumnMetadata[],
    raw: string
): void {
    const compound = selectedCompound(store, info, raw);
    const resolved = compound ? undefined : canonicalPath(store, info, raw);
    const parts = (compound ?? resolved!).path.split('.');
    let level = columns;
    for (let i = 0; i < parts.length - 1; i++) {
        const name = parts[i];
        let rel = level.find((c) => c.columnName === name && c.joinColumns.length);
        if (!rel) {
            rel = column(name, parts.slice(0, i + 1).join('.'));
            level.push(rel);
        }
        level = rel.joinColumns;
    }
    level.push(
        resolved
            ? fieldColumn(resolved.field, resolved.path)
            : column(parts[parts.length - 1], compound!.path, { apexType: 'Address' })
    );
}

function columnsOf(store: SqliteSource, info: ObjectInfo, query: Query): ColumnMetadata[] {
    const columns: ColumnMetadata[] = [];
    let expr = 0;
    for (const f of query.fields ?? []) {
        const field = f as unknown as Record<string, unknown>;
        if (field.type === 'Field') addPath(store, info, columns, String(field.field));
        else if (field.type === 'FieldRelationship')
            addPath(store, info, columns, String(field.rawValue));
        else if (field.type === 'FieldSubquery') {
            const sub = field.subquery as Query & { relationshipName: string };
            const rel = info.childRelationships.find(
                (r) => r.relationshipName.toLowerCase() === sub.relationshipName.toLowerCase()
            );
            const child = rel && store.objectInfo(rel.childObject);
            if (!rel || !child) continue; // the query itself reports it
            columns.push(
                column(rel.relationshipName, rel.relationshipName, {
                    aggregate: true,
                    joinColumns: columnsOf(store, child, expandFields(store, child, sub))
                })
            );
        } else if (field.type === 'FieldTypeof') {
            const t = planTypeof(store, info, field as unknown as Parameters<typeof planTypeof>[2]);
            for (const path of t.paths) addPath(store, info, columns, path);
        } else if (
            field.type === 'FieldFunctionExpression' &&
            String(field.functionName).toLowerCase() === 'tolabel'
        ) {
            const label = planToLabel(store, info, field);
            columns.push(column(label.key, label.key, { apexType: 'String', textType: true }));
        } else if (field.type === 'FieldFunctionExpression') {
            const alias = field.alias as string | undefined;
            const name = alias ?? `expr${expr++}`;
            const fn = String(field.functionName).toUpperCase();
            const integer = fn.startsWith('COUNT') || (isDateFunction(fn) && fn !== 'DAY_ONLY');
            columns.push(
                column(name, String(field.rawValue), {
                    aggregate: true,
                    apexType: integer ? 'Integer' : fn === 'DAY_ONLY' ? 'Date' : null,
                    numberType: integer
                })
            );
        }
    }
    return columns;
}

/** The platform's column description of a query (`COUNT()` alone has no columns). */
export function queryColumns(store: SqliteSource, soql: string) {
    const query = parseSoql(soql);
    const info = objectInfoOf(store, query.sObject);
    const columnMetadata = columnsOf(store, info, expandFields(store, info, query));
    return {
        columnMetadata,
        entityName: info.name,
        groupBy: !!query.groupBy,
        idSelected: columnMetadata.some((c) => c.columnName === 'Id'),
        keyPrefix: info.keyPrefix ?? null
    };
}
