/**
 * The package's reports (force-app/main/default/reports/<folder>/*.report-meta.xml):
 * the local org holds a Report record for each (Id, DeveloperName, Name, FolderName,
 * Format), and the browser app shows a report's definition (type, columns, groupings,
 * filters) when a link opens it, as there is no report engine in the local org.
 */
import path from 'node:path';
import { listDir, readXml, str, type XmlNode } from './xml';

export interface ReportDef {
    developerName: string;
    folder: string;
    name: string;
    description: string;
    reportType: string;
    format: string;
    columns: string[];
    groupings: string[];
    filters: string[];
}

const list = (v: unknown): XmlNode[] =>
    Array.isArray(v) ? (v as XmlNode[]) : v && typeof v === 'object' ? [v as XmlNode] : [];

/** `Lead$LL_Tier__c` → `LL_Tier__c`: the field as people read it. */
const field = (v: unknown) => String(v ?? '').replace(/^[^$]*\$/, '');

export function readReports(packageRoot: string): ReportDef[] {
    const dir = path.join(packageRoot, 'reports');
    const out: ReportDef[] = [];
    for (const folder of listDir(dir).filter((f) => !f.endsWith('-meta.xml'))) {
        for (const file of listDir(path.join(dir, folder))) {
            if (!file.endsWith('.report-meta.xml')) continue;
            const r = readXml(path.join(dir, folder, file), 'Report');
            const filters = list((r.filter as XmlNode | undefined)?.criteriaItems).map((c) =>
                `${field(c.column)} ${str(c.operator) ?? ''} ${str(c.value) ?? ''}`.trim()
            );
            out.push({
                developerName: file.replace(/\.report-meta\.xml$/, ''),
                folder,
                name: str(r.name) ?? file,
                description: str(r.description) ?? '',
                reportType: str(r.reportType) ?? '',
                format: str(r.format) ?? '',
                columns: list(r.columns).map((c) => field(c.field)),
                groupings: [...list(r.groupingsDown), ...list(r.groupingsAcross)].map((g) =>
                    field(g.field)
                ),
                filters
            });
        }
    }
    return out.sort((a, b) => a.developerName.localeCompare(b.developerName));
}
