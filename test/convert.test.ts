/**
 * The package converts to Metadata API format offline with the same library
 * `sf project convert source` and `sf project deploy start` use
 * (@salesforce/source-deploy-retrieve), and only real metadata goes into it:
 * no tests, mocks or TypeScript.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { afterAll, describe, expect, it } from 'vitest';
import { API_VERSION } from '../core/src/index';

const root = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'leadloop-mdapi-'));

function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
        const p = path.join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : [p];
    });
}

describe('sf project convert source (offline)', () => {
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('converts force-app into a deployable Metadata API package', async () => {
        const components = ComponentSet.fromSource(path.join(root, 'force-app'));
        components.sourceApiVersion = API_VERSION;
        const types = new Set([...components].map((c) => c.type.name));
        for (const t of [
            'CustomObject',
            'CustomField',
            'PermissionSet',
            'Queue',
            'Flow',
            'LightningComponentBundle',
            'ReportType',
            'Report',
            'ReportFolder',
            'Dashboard',
            'DashboardFolder'
        ]) {
            expect(types, t).toContain(t);
        }
        await new MetadataConverter().convert(components, 'metadata', {
            type: 'directory',
            outputDirectory: out,
            genUniqueDir: false
        });
        const manifest = readFileSync(path.join(out, 'package.xml'), 'utf8');
        expect(manifest).toContain(`<version>${API_VERSION}</version>`);
        const files = walk(out).map((f) => path.relative(out, f));
        expect(files.filter((f) => /__tests__|jest-mocks|\.ts$/.test(f))).toEqual([]);
        expect(files).toContain(path.join('objects', 'Lead.object'));
        expect(files).toContain(path.join('lwc', 'leadLoopCore', 'leadLoopCore.js'));
    });
});
