/**
 * One local org for jsforce's own suites, set up as jsforce's `scripts/org-setup.mjs` sets up
 * a scratch org: its test package deployed (`sf project deploy start --metadata-dir`, here the
 * REST deploy jsforce itself sends), then BigTable__c filled by five Bulk upserts of 5,001 rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsforce from 'jsforce';
import type { TestProject } from 'vitest/node';
import { startLocalOrg } from '../../src/index';
import { zipOf } from '../../test/zipOf';
import { createSampleData } from './sampleData';

declare module 'vitest' {
    export interface ProvidedContext {
        jsforceOrg: {
            instanceUrl: string;
            accessToken: string;
            username: string;
            password: string;
        };
    }
}

const PACKAGE_DIR = path.join(import.meta.dirname, '../jsforce/test/package/JSforceTestSuite');

/** What the local org deploys of jsforce's package: its objects (the rest fails per component). */
const DEPLOYED = ['BigTable__c', 'JSforceTestSetting__c', 'UpsertTable__c'];

function packageFiles(dir: string, prefix = ''): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const name = `${prefix}${entry.name}`;
        if (entry.isDirectory())
            Object.assign(files, packageFiles(path.join(dir, entry.name), `${name}/`));
        else files[name] = readFileSync(path.join(dir, entry.name), 'utf8');
    }
    return files;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
    const org = await startLocalOrg({ dataDir: ':memory:', port: 0 });
    try {
        const conn = new jsforce.Connection({
            instanceUrl: org.instanceUrl,
            accessToken: org.accessToken,
            version: org.apiVersion
        });
        // `--ignore-errors`: the package's Apex, layouts, reports and settings fail per component.
        const zip = zipOf(packageFiles(PACKAGE_DIR));
        const posted: unknown = await conn.metadata.deployRest(zip, { rollbackOnError: false });
        const { id } = posted as { id: string };
        const result = await conn.metadata.checkDeployStatus(id, true, true);
        const deployed = [result.details?.componentSuccesses ?? []]
            .flat()
            .filter((c) => c.componentType === 'CustomObject')
            .map((c) => c.fullName)
            .sort();
        if (deployed.join() !== DEPLOYED.join())
            throw new Error(
                `jsforce's test package deployed ${deployed.join()}: ${JSON.stringify(result)}`
            );

        const user = await conn.sobject('User').findOne({ Username: org.username }, ['Id']);
        const csv = `OwnerId\n${`${user!.Id}\n`.repeat(5001)}`;
        for (let i = 0; i < 5; i++) {
            const results = await conn.bulk2.loadAndWaitForResults({
                object: 'BigTable__c',
                operation: 'upsert',
                externalIdFieldName: 'Id',
                input: csv,
                pollTimeout: 120_000
            });
            if (results.failedResults.length)
                throw new Error(`BigTable__c: ${JSON.stringify(results.failedResults[0])}`);
        }
        await createSampleData(conn);
        project.provide('jsforceOrg', {
            instanceUrl: org.instanceUrl,
            accessToken: org.accessToken,
            username: org.username,
            password: org.password
        });
    } catch (e) {
        await org.close();
        throw e;
    }
    return () => org.close();
}
