/**
 * The GraphQL queries the components send: every query module in
 * force-app/main/default/lwc, loaded and parsed with `graphql`. Tests use them to compare
 * each query's fields with the core's read lists and to shape records exactly as the
 * platform would return them for that query.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    Kind,
    parse,
    type FieldNode,
    type OperationDefinitionNode,
    type SelectionSetNode
} from 'graphql';

const lwcDir = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../force-app/main/default/lwc'
);

export interface ComponentQuery {
    /** Component folder and operation name, e.g. `leadScoreCard/leadScoreCard`. */
    where: string;
    operation: string;
    /** Object API name → the node's selection for that object's connection. */
    objects: Record<string, SelectionSetNode>;
}

type Row = Record<string, unknown>;

function fieldsOf(selection: SelectionSetNode | undefined): FieldNode[] {
    return (selection?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
}

function child(selection: SelectionSetNode | undefined, name: string): FieldNode | undefined {
    return fieldsOf(selection).find((f) => f.name.value === name);
}

/** A field whose selection is only `value` / `displayValue` is a field; others are parents. */
function isLeaf(field: FieldNode): boolean {
    return (
        !field.selectionSet ||
        fieldsOf(field.selectionSet).every((f) => ['value', 'displayValue'].includes(f.name.value))
    );
}

/** The component files that hold GraphQL queries (`gql` templates). */
function queryModules(): string[] {
    return readdirSync(lwcDir)
        .filter(
            (name) => name !== 'leadLoopCore' && statSync(path.join(lwcDir, name)).isDirectory()
        )
        .flatMap((component) =>
            readdirSync(path.join(lwcDir, component))
                .filter((file) => file.endsWith('.js'))
                .map((file) => path.join(lwcDir, component, file))
        )
        .filter((file) => /\bgql`/.test(readFileSync(file, 'utf8')));
}

/**
 * Every query the components send, as built when their query modules load. The caller
 * must mock `lightning/graphql` (a `gql` that returns the text) and `c/leadLoopCore` (the
 * core), as test/readLists.test.ts does. Queries live in modules of their own
 * (`*Query.js`, importing only those two), so a component file holding a query fails here.
 */
export async function componentQueries(): Promise<ComponentQuery[]> {
    const out: ComponentQuery[] = [];
    for (const file of queryModules()) {
        const component = path.basename(path.dirname(file));
        let exported: Record<string, unknown>;
        try {
            exported = await import(file);
        } catch (error) {
            throw new Error(
                `${path.relative(lwcDir, file)}: put GraphQL queries in a module of their own (like leadScoreCard/scoreCardQuery.js): ${(error as Error).message}`
            );
        }
        // A module may export a list of documents (the funnel's requests).
        for (const value of Object.values(exported).flat()) {
            if (typeof value !== 'string' || !/^\s*query\b/.test(value)) continue;
            for (const definition of parse(value).definitions) {
                if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
                const operation = (definition as OperationDefinitionNode).name?.value ?? '';
                const uiapi = child(definition.selectionSet, 'uiapi');
                const query = child(uiapi?.selectionSet, 'query');
                const objects: Record<string, SelectionSetNode> = {};
                for (const connection of fieldsOf(query?.selectionSet)) {
                    const edges = child(connection.selectionSet, 'edges');
                    const node = child(edges?.selectionSet, 'node');
                    if (node?.selectionSet) objects[connection.name.value] = node.selectionSet;
                }
                out.push({ where: `${component}/${operation}`, operation, objects });
            }
        }
    }
    return out;
}

/** The API names a node selection reads: `Name`, parents as `Campaign.Name`. */
export function fieldsRead(selection: SelectionSetNode, prefix = ''): string[] {
    return fieldsOf(selection).flatMap((field) =>
        isLeaf(field)
            ? [`${prefix}${field.name.value}`]
            : fieldsRead(field.selectionSet!, `${prefix}${field.name.value}.`)
    );
}

/**
 * A record as the platform returns it for this selection: `Id` plain, fields as
 * `{ value }` under their alias, parents nested; fields not selected are absent.
 */
export function shapeNode(selection: SelectionSetNode, row: Row): Row {
    const node: Row = {};
    for (const field of fieldsOf(selection)) {
        const name = field.name.value;
        const key = field.alias?.value ?? name;
        if (!isLeaf(field)) {
            const parent = row[name];
            node[key] =
                parent && typeof parent === 'object'
                    ? shapeNode(field.selectionSet!, parent as Row)
                    : null;
        } else if (name === 'Id') {
            node[key] = row.Id;
        } else {
            node[key] = { value: row[name] ?? null };
        }
    }
    return node;
}

/** The query with this operation name (exactly one must exist). */
export async function componentQuery(operation: string): Promise<ComponentQuery> {
    const found = (await componentQueries()).filter((q) => q.operation === operation);
    if (found.length !== 1) {
        throw new Error(`Expected one component query named ${operation}, found ${found.length}`);
    }
    return found[0];
}
