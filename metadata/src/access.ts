/** Permission sets and queues: who may read and edit what, and where records wait. */
import { bool, nodes, readXml } from './xml';

export interface PermissionSetDef {
    name: string;
    label: string;
    fieldPermissions: { field: string; readable: boolean; editable: boolean }[];
    objectPermissions: {
        object: string;
        allowCreate: boolean;
        allowRead: boolean;
        allowEdit: boolean;
        allowDelete: boolean;
        viewAllRecords: boolean;
        modifyAllRecords: boolean;
    }[];
}

export interface QueueDef {
    developerName: string;
    name: string;
    sobjectTypes: string[];
}

export function readPermissionSet(name: string, file: string): PermissionSetDef {
    const x = readXml(file, 'PermissionSet');
    return {
        name,
        label: String(x.label),
        fieldPermissions: nodes(x.fieldPermissions).map((p) => ({
            field: String(p.field),
            readable: bool(p.readable),
            editable: bool(p.editable)
        })),
        objectPermissions: nodes(x.objectPermissions).map((p) => ({
            object: String(p.object),
            allowCreate: bool(p.allowCreate),
            allowRead: bool(p.allowRead),
            allowEdit: bool(p.allowEdit),
            allowDelete: bool(p.allowDelete),
            viewAllRecords: bool(p.viewAllRecords),
            modifyAllRecords: bool(p.modifyAllRecords)
        }))
    };
}

export function readQueue(developerName: string, file: string): QueueDef {
    const x = readXml(file, 'Queue');
    return {
        developerName,
        name: String(x.name),
        sobjectTypes: nodes(x.queueSobject).map((q) => String(q.sobjectType))
    };
}
