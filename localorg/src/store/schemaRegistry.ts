/**
 * What the org's database remembers about its custom schema: the key prefix
 * of every custom object (so record ids keep pointing at their object however
 * the objects are ordered on the next start) and the objects and fields
 * deployed through the Metadata API (applied again, in order, on every start).
 */
import type Database from 'better-sqlite3';
import type { CustomFieldDef, CustomObjectDef } from '../../../metadata/src/index';
import { addCustomObjects } from './objectInfos';
import type { ObjectInfo } from './source';
import type { SqliteSource } from './sqliteSource';

/** Key prefix characters after 'a': a0A … a0Z, a0a … a0z, a10 …. */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export class SchemaRegistry {
    constructor(private readonly db: Database.Database) {
        db.exec(`CREATE TABLE IF NOT EXISTS "_ll_key_prefix" ("object" TEXT PRIMARY KEY, "prefix" TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS "_ll_deployed_object" ("n" INTEGER PRIMARY KEY AUTOINCREMENT, "object" TEXT NOT NULL, "definition" TEXT NOT NULL)`);
    }

    /** The object's key prefix: the one it had before, else the next free one. */
    readonly keyPrefix = (object: string): string => {
        const known = this.db
            .prepare('SELECT "prefix" FROM "_ll_key_prefix" WHERE "object" = ?')
            .get(object) as { prefix: string } | undefined;
        if (known) return known.prefix;
        const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM "_ll_key_prefix"').get() as {
            n: number;
        };
        // 'a0A' first: the numbering the org used before it remembered prefixes.
        const k = 10 + n;
        const prefix = `a${DIGITS[Math.floor(k / 62) % 62]}${DIGITS[k % 62]}`;
        this.db
            .prepare('INSERT INTO "_ll_key_prefix" ("object", "prefix") VALUES (?, ?)')
            .run(object, prefix);
        return prefix;
    };

    /** Remembers what a deploy applied to an object (it, or only some fields), for the next start. */
    saveDeployed(def: CustomObjectDef): void {
        const definition = JSON.stringify({ ...def, fields: [...def.fields.values()] });
        this.db
            .prepare('INSERT INTO "_ll_deployed_object" ("object", "definition") VALUES (?, ?)')
            .run(def.name, definition);
    }

    /** What deploys applied, in the order they applied it. */
    deployedObjects(): CustomObjectDef[] {
        const rows = this.db
            .prepare('SELECT "definition" FROM "_ll_deployed_object" ORDER BY "n"')
            .all() as { definition: string }[];
        return rows.map((r) => {
            const def = JSON.parse(r.definition) as Omit<CustomObjectDef, 'fields'> & {
                fields: CustomFieldDef[];
            };
            return { ...def, fields: new Map(def.fields.map((f) => [f.name, f])) };
        });
    }

    /** Adds custom objects and fields to a running store: tables and columns follow. */
    applyToStore(store: SqliteSource, objects: CustomObjectDef[]): void {
        // Copies: a changed object gets a new description, so what the store and SOQL cache
        // per description (create plans, reference maps) is worked out again for it.
        const infos = new Map<string, ObjectInfo>(
            store.objectNames().map((n) => {
                const info = store.objectInfo(n)!;
                return [
                    n,
                    {
                        ...info,
                        fields: { ...info.fields },
                        childRelationships: [...info.childRelationships]
                    }
                ];
            })
        );
        for (const name of addCustomObjects(infos, objects, this.keyPrefix))
            store.define(infos.get(name)!);
    }
}
