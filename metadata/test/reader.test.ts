/**
 * The metadata reader: what it reads from the package, and the errors it gives
 * for malformed metadata (the file and what is wrong, never a stack of parser
 * internals). Broken projects are written to a temporary folder per test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
    appNavigation,
    hasField,
    MetadataError,
    readPackageMetadata,
    recordActionsFor,
    recordPageFor
} from '../src/index';

const root = path.resolve(import.meta.dirname, '../..');
const XMLNS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

describe('reading force-app', () => {
    const meta = readPackageMetadata(root);

    it('reads objects, fields and picklists', () => {
        const model = meta.objects.get('LL_Scoring_Model__c')!;
        expect(model).toMatchObject({ custom: true, label: expect.any(String) });
        expect(meta.objects.get('Lead')!.custom).toBe(false);
        expect(hasField(meta, 'Lead', 'LL_Tier__c')).toBe(true);
        expect(hasField(meta, 'Lead', 'LL_Nope__c')).toBe(false);
        const tier = meta.objects.get('Lead')!.fields.get('LL_Tier__c')!;
        expect(tier.type).toBe('Picklist');
        expect(tier.picklist!.values.map((v) => v.value)).toContain('Hot');
    });

    it('reads the app, its tabs, flexipages and component bundles', () => {
        const app = meta.applications.get('LL_Lead_Loop')!;
        expect(app.tabs).toEqual([
            'standard-Lead',
            'LL_Review_Board',
            'LL_Lead_Funnel',
            'LL_Scoring_Model',
            'LL_Hygiene_Audit',
            'LL_Nurture_Queue'
        ]);
        expect(meta.tabs.get('LL_Scoring_Model')).toMatchObject({
            label: 'Scoring Model',
            flexiPage: 'LL_Scoring_Model'
        });
        expect(meta.flexiPages.get('LL_Scoring_Model')).toMatchObject({
            type: 'AppPage',
            label: 'Lead Loop Scoring Model',
            components: [{ region: 'main', component: 'scoringModelEditor', properties: {} }]
        });
        const card = meta.lwc.get('leadScoreCard')!;
        expect(card).toMatchObject({
            isExposed: true,
            hasTemplate: true,
            targets: ['lightning__RecordPage']
        });
        expect(meta.lwc.get('leadLoopCore')!.hasTemplate).toBe(false);
    });

    it("answers the app's navigation as page references, in the app's order", () => {
        expect(appNavigation(meta, 'LL_Lead_Loop')).toEqual([
            {
                tab: 'standard-Lead',
                label: 'Leads',
                pageReference: {
                    type: 'standard__objectPage',
                    attributes: { objectApiName: 'Lead', actionName: 'list' }
                }
            },
            {
                tab: 'LL_Review_Board',
                label: 'Review Board',
                flexiPage: 'LL_Review_Board',
                pageReference: {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'LL_Review_Board' }
                }
            },
            {
                tab: 'LL_Lead_Funnel',
                label: 'Funnel',
                flexiPage: 'LL_Lead_Funnel',
                pageReference: {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'LL_Lead_Funnel' }
                }
            },
            {
                tab: 'LL_Scoring_Model',
                label: 'Scoring Model',
                flexiPage: 'LL_Scoring_Model',
                pageReference: {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'LL_Scoring_Model' }
                }
            },
            {
                tab: 'LL_Hygiene_Audit',
                label: 'Hygiene Audit',
                flexiPage: 'LL_Hygiene_Audit',
                pageReference: {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'LL_Hygiene_Audit' }
                }
            },
            {
                tab: 'LL_Nurture_Queue',
                label: 'Nurture Queue',
                flexiPage: 'LL_Nurture_Queue',
                pageReference: {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'LL_Nurture_Queue' }
                }
            }
        ]);
    });

    it("answers the app's record page for an object (its View override)", () => {
        const page = recordPageFor(meta, 'LL_Lead_Loop', 'Lead')!;
        expect(page.name).toBe('LL_Lead_Record_Page');
        expect(page.components.map((c) => c.component)).toContain('leadScoreCard');
        expect(page.components.map((c) => c.component)).toContain('leadHygieneFindings');
        expect(recordPageFor(meta, 'LL_Lead_Loop', 'Account')).toBeUndefined();
    });

    it("answers the component quick actions the record page's highlights panel shows", () => {
        const panel = recordPageFor(meta, 'LL_Lead_Loop', 'Lead')!.components.find(
            (c) => c.component === 'force:highlightsPanel'
        )!;
        expect(panel.valueLists.actionNames).toEqual([
            'Lead.LL_Hand_Back_To_Marketing',
            'Edit',
            'ChangeOwnerOne',
            'Delete'
        ]);
        expect(meta.quickActions.get('Lead.LL_Hand_Back_To_Marketing')).toMatchObject({
            object: 'Lead',
            type: 'LightningWebComponent',
            lightningWebComponent: 'handBackAction'
        });
        expect(recordActionsFor(meta, 'LL_Lead_Loop', 'Lead')).toEqual([
            {
                name: 'Lead.LL_Hand_Back_To_Marketing',
                label: 'Hand Back to Marketing',
                component: 'handBackAction'
            }
        ]);
    });
});

describe('malformed metadata', () => {
    let project: string;

    /** A project with the given files under force-app/main/default. */
    function projectWith(files: Record<string, string>): string {
        project = mkdtempSync(path.join(tmpdir(), 'll-metadata-'));
        writeFileSync(
            path.join(project, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0'
            })
        );
        for (const [rel, text] of Object.entries(files)) {
            const file = path.join(project, 'force-app/main/default', rel);
            mkdirSync(path.dirname(file), { recursive: true });
            writeFileSync(file, text);
        }
        return project;
    }

    afterEach(() => {
        if (project) rmSync(project, { recursive: true, force: true });
    });

    function errorOf(files: Record<string, string>): MetadataError {
        try {
            readPackageMetadata(projectWith(files));
        } catch (e) {
            expect(e).toBeInstanceOf(MetadataError);
            return e as MetadataError;
        }
        throw new Error('expected a MetadataError');
    }

    const field = (name: string, body: string) => ({
        [`objects/Lead/fields/${name}.field-meta.xml`]: `<CustomField ${XMLNS}><fullName>${name}</fullName>${body}</CustomField>`
    });

    it('names the file and line of XML that is not well-formed', () => {
        const e = errorOf({ 'tabs/X.tab-meta.xml': `<CustomTab ${XMLNS}><label>X</CustomTab>` });
        expect(e.file).toMatch(/tabs\/X\.tab-meta\.xml$/);
        expect(e.message).toMatch(/not well-formed XML \(line 1/);
    });

    it('requires the Metadata API namespace and the right root element', () => {
        expect(
            errorOf({ 'queues/Q.queue-meta.xml': '<Queue><name>Q</name></Queue>' }).message
        ).toContain('<Queue> must declare xmlns="http://soap.sforce.com/2006/04/metadata"');
        expect(
            errorOf({ 'queues/Q.queue-meta.xml': `<Group ${XMLNS}><name>Q</name></Group>` }).message
        ).toContain('expected a <Queue> root element');
    });

    it('checks fields: name, type and what each type needs', () => {
        expect(errorOf(field('LL_A__c', '<label>A</label><type>Text</type>')).message).toContain(
            'Text fields need a <length>'
        );
        expect(errorOf(field('LL_A__c', '<label>A</label><type>Blob</type>')).message).toContain(
            'unsupported field type "Blob"'
        );
        expect(
            errorOf({
                'objects/Lead/fields/LL_A__c.field-meta.xml': `<CustomField ${XMLNS}><fullName>LL_B__c</fullName><label>A</label><type>Checkbox</type></CustomField>`
            }).message
        ).toContain('fullName "LL_B__c" does not match the file name "LL_A__c"');
        expect(
            errorOf(field('LL_A__c', '<label>A</label><type>Picklist</type>')).message
        ).toContain('a picklist needs a <valueSet> with at least one <value>');
    });

    it('reads a picklist with one value as a list', () => {
        const meta = readPackageMetadata(
            projectWith(
                field(
                    'LL_A__c',
                    '<label>A</label><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><value><fullName>Only</fullName><default>true</default><label>Only one</label></value></valueSetDefinition></valueSet>'
                )
            )
        );
        expect(meta.objects.get('Lead')!.fields.get('LL_A__c')!.picklist).toEqual({
            restricted: true,
            values: [{ value: 'Only', label: 'Only one', isDefault: true }]
        });
    });

    it('requires an object file for a custom object', () => {
        expect(
            errorOf({
                'objects/LL_X__c/fields/LL_A__c.field-meta.xml': `<CustomField ${XMLNS}><fullName>LL_A__c</fullName><label>A</label><type>Checkbox</type></CustomField>`
            }).message
        ).toContain('a custom object folder needs its .object-meta.xml');
    });

    it("names an app's tab that has no tab file", () => {
        const meta = readPackageMetadata(
            projectWith({
                'applications/A.app-meta.xml': `<CustomApplication ${XMLNS}><label>A</label><tabs>standard-Lead</tabs><tabs>LL_Missing</tabs></CustomApplication>`
            })
        );
        expect(() => appNavigation(meta, 'A')).toThrow(
            /A\.app-meta\.xml: tab "LL_Missing" has no tabs\/LL_Missing\.tab-meta\.xml/
        );
        expect(() => appNavigation(meta, 'B')).toThrow(/no application B\.app-meta\.xml/);
    });

    it('reads custom labels, decoding XML entities', () => {
        const meta = readPackageMetadata(
            projectWith({
                'labels/CustomLabels.labels-meta.xml': `<CustomLabels ${XMLNS}><labels><fullName>LL_Hello</fullName><value>Hot &amp; ready</value><shortDescription>Hi</shortDescription></labels></CustomLabels>`
            })
        );
        expect(meta.labels.get('LL_Hello')!.value).toBe('Hot & ready');
    });

    it('says what is wrong with sfdx-project.json', () => {
        project = mkdtempSync(path.join(tmpdir(), 'll-metadata-'));
        writeFileSync(path.join(project, 'sfdx-project.json'), '{ nope');
        expect(() => readPackageMetadata(project)).toThrow(
            /sfdx-project\.json: cannot be read as JSON/
        );
    });
});
