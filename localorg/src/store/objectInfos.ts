/**
 * ObjectInfo (what GraphQL and the UI API describe) for the local org's
 * standard objects plus every custom object and field in force-app metadata.
 * Standard field lists cover what Lead Loop and its tools read and write.
 */
import type { CustomFieldDef, PackageMetadata } from '../../../metadata/src/index';
import type { FieldInfo, FieldKind, ObjectInfo } from './source';

type Std = [name: string, kind: FieldKind, extra?: Partial<FieldInfo>];

const ro = { createable: false, updateable: false };
const ref = (to: string[], rel: string, extra: Partial<FieldInfo> = {}): Partial<FieldInfo> => ({
    referenceTo: to,
    relationshipName: rel,
    ...extra
});
const audit: Std[] = [
    ['Id', 'id', ro],
    ['CreatedDate', 'datetime', { updateable: false }],
    ['CreatedById', 'reference', ref(['User'], 'CreatedBy', ro)],
    ['LastModifiedDate', 'datetime', { updateable: false }],
    ['LastModifiedById', 'reference', ref(['User'], 'LastModifiedBy', ro)],
    ['SystemModstamp', 'datetime', ro]
];

const STANDARD: Record<
    string,
    {
        label: string;
        plural: string;
        prefix: string;
        fields: Std[];
        children?: [string, string, string][];
    }
> = {
    User: {
        label: 'User',
        plural: 'Users',
        prefix: '005',
        fields: [
            ['Name', 'string', ro],
            ['FirstName', 'string'],
            ['LastName', 'string'],
            ['Username', 'string'],
            ['Email', 'email'],
            ['Title', 'string'],
            ['IsActive', 'boolean'],
            ['UserRoleId', 'string'],
            ['ManagerId', 'reference', ref(['User'], 'Manager')],
            ['ProfileId', 'string']
        ]
    },
    Group: {
        label: 'Group',
        plural: 'Groups',
        prefix: '00G',
        fields: [
            ['Name', 'string'],
            ['DeveloperName', 'string'],
            ['Type', 'string']
        ]
    },
    GroupMember: {
        label: 'Group Member',
        plural: 'Group Members',
        prefix: '011',
        fields: [
            ['GroupId', 'reference', ref(['Group'], 'Group')],
            ['UserOrGroupId', 'reference', ref(['User', 'Group'], 'UserOrGroup')]
        ]
    },
    LeadStatus: {
        label: 'Lead Status',
        plural: 'Lead Status Values',
        prefix: '01J',
        fields: [
            ['ApiName', 'string'],
            ['MasterLabel', 'string'],
            ['IsConverted', 'boolean'],
            ['IsDefault', 'boolean'],
            ['SortOrder', 'int']
        ]
    },
    Report: {
        label: 'Report',
        plural: 'Reports',
        prefix: '00O',
        // Read-only, as on the platform: one record per report in the package's metadata.
        fields: [
            ['Name', 'string', ro],
            ['DeveloperName', 'string', ro],
            ['FolderName', 'string', ro],
            ['Format', 'string', ro],
            ['Description', 'string', ro]
        ]
    },
    Organization: {
        label: 'Organization',
        plural: 'Organizations',
        prefix: '00D',
        // What the sf CLI reads (Org.retrieveOrganizationInformation); read-only as on the platform.
        fields: [
            ['Name', 'string'],
            ['InstanceName', 'string', ro],
            ['IsSandbox', 'boolean', ro],
            ['OrganizationType', 'string', ro],
            ['TrialExpirationDate', 'datetime', ro],
            ['NamespacePrefix', 'string', ro]
        ]
    },
    Account: {
        label: 'Account',
        plural: 'Accounts',
        prefix: '001',
        fields: [
            ['Name', 'string', { nillable: false, required: true }],
            ['Type', 'picklist'],
            ['Industry', 'picklist'],
            ['Rating', 'picklist'],
            ['AccountNumber', 'string'],
            ['Site', 'string'],
            ['Phone', 'phone'],
            ['Website', 'url'],
            ['Description', 'textarea'],
            ['NumberOfEmployees', 'int'],
            ['AnnualRevenue', 'currency'],
            ['BillingStreet', 'textarea'],
            ['BillingCity', 'string'],
            ['BillingState', 'string'],
            ['BillingPostalCode', 'string'],
            ['BillingCountry', 'string'],
            ['ShippingStreet', 'textarea'],
            ['ShippingCity', 'string'],
            ['ShippingState', 'string'],
            ['ShippingPostalCode', 'string'],
            ['ShippingCountry', 'string'],
            ['ParentId', 'reference', ref(['Account'], 'Parent')],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ],
        children: [
            ['ChildAccounts', 'Account', 'ParentId'],
            ['Contacts', 'Contact', 'AccountId'],
            ['Opportunities', 'Opportunity', 'AccountId']
        ]
    },
    Contact: {
        label: 'Contact',
        plural: 'Contacts',
        prefix: '003',
        fields: [
            ['Name', 'string', ro],
            ['FirstName', 'string'],
            ['LastName', 'string', { nillable: false, required: true }],
            ['Email', 'email'],
            ['Phone', 'phone'],
            ['Title', 'string'],
            ['AccountId', 'reference', ref(['Account'], 'Account')],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ],
        children: [
            ['Tasks', 'Task', 'WhoId'],
            ['Events', 'Event', 'WhoId'],
            ['CampaignMembers', 'CampaignMember', 'ContactId']
        ]
    },
    Opportunity: {
        label: 'Opportunity',
        plural: 'Opportunities',
        prefix: '006',
        fields: [
            ['Name', 'string', { nillable: false, required: true }],
            ['StageName', 'picklist'],
            ['CloseDate', 'date'],
            ['Amount', 'currency'],
            ['IsClosed', 'boolean', ro],
            ['IsWon', 'boolean', ro],
            ['AccountId', 'reference', ref(['Account'], 'Account')],
            ['CampaignId', 'reference', ref(['Campaign'], 'Campaign')],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ]
    },
    Campaign: {
        label: 'Campaign',
        plural: 'Campaigns',
        prefix: '701',
        fields: [
            ['Name', 'string', { nillable: false, required: true }],
            ['Type', 'picklist'],
            ['Status', 'picklist'],
            ['StartDate', 'date'],
            ['EndDate', 'date'],
            ['IsActive', 'boolean'],
            ['ActualCost', 'currency'],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ],
        children: [['CampaignMembers', 'CampaignMember', 'CampaignId']]
    },
    CampaignMember: {
        label: 'Campaign Member',
        plural: 'Campaign Members',
        prefix: '00v',
        fields: [
            ['CampaignId', 'reference', ref(['Campaign'], 'Campaign')],
            ['LeadId', 'reference', ref(['Lead'], 'Lead')],
            ['ContactId', 'reference', ref(['Contact'], 'Contact')],
            ['Status', 'picklist'],
            ['HasResponded', 'boolean'],
            ['FirstRespondedDate', 'date']
        ]
    },
    Task: {
        label: 'Task',
        plural: 'Tasks',
        prefix: '00T',
        fields: [
            ['Subject', 'string'],
            ['Type', 'picklist'],
            ['Status', 'picklist'],
            ['Priority', 'picklist'],
            ['ActivityDate', 'date'],
            ['IsClosed', 'boolean', ro],
            ['Description', 'textarea'],
            ['WhoId', 'reference', ref(['Lead', 'Contact'], 'Who')],
            ['WhatId', 'reference', ref(['Account', 'Opportunity', 'Campaign'], 'What')],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ]
    },
    Event: {
        label: 'Event',
        plural: 'Events',
        prefix: '00U',
        fields: [
            ['Subject', 'string'],
            ['Type', 'picklist'],
            ['ActivityDate', 'date'],
            ['StartDateTime', 'datetime'],
            ['EndDateTime', 'datetime'],
            ['DurationInMinutes', 'int'],
            ['Description', 'textarea'],
            ['WhoId', 'reference', ref(['Lead', 'Contact'], 'Who')],
            ['WhatId', 'reference', ref(['Account', 'Opportunity', 'Campaign'], 'What')],
            ['OwnerId', 'reference', ref(['User'], 'Owner')]
        ]
    },
    Lead: {
        label: 'Lead',
        plural: 'Leads',
        prefix: '00Q',
        fields: [
            ['Name', 'string', ro],
            ['FirstName', 'string'],
            ['LastName', 'string', { nillable: false, required: true }],
            ['Company', 'string', { nillable: false, required: true }],
            ['Title', 'string'],
            ['Email', 'email'],
            ['Phone', 'phone'],
            ['Industry', 'picklist'],
            ['NumberOfEmployees', 'int'],
            ['AnnualRevenue', 'currency'],
            ['Country', 'string'],
            ['LeadSource', 'picklist'],
            ['Status', 'picklist'],
            ['Rating', 'picklist'],
            ['Description', 'textarea'],
            ['IsConverted', 'boolean', ro],
            ['ConvertedDate', 'date', ro],
            ['ConvertedAccountId', 'reference', ref(['Account'], 'ConvertedAccount', ro)],
            ['ConvertedContactId', 'reference', ref(['Contact'], 'ConvertedContact', ro)],
            [
                'ConvertedOpportunityId',
                'reference',
                ref(['Opportunity'], 'ConvertedOpportunity', ro)
            ],
            ['OwnerId', 'reference', ref(['User', 'Group'], 'Owner')],
            ['LastActivityDate', 'date', ro]
        ],
        children: [
            ['Tasks', 'Task', 'WhoId'],
            ['Events', 'Event', 'WhoId'],
            ['CampaignMembers', 'CampaignMember', 'LeadId']
        ]
    }
};

const TEXT_KINDS = new Set<FieldKind>(['string', 'email', 'phone', 'url', 'picklist']);
/** Standard text field lengths as the platform describes them (255 otherwise). */
const STANDARD_LENGTHS: Record<string, number> = {
    FirstName: 40,
    LastName: 80,
    Email: 80,
    Phone: 40,
    Title: 128,
    Username: 80,
    Country: 80,
    DeveloperName: 80,
    Name: 255,
    Status: 255,
    Subject: 255,
    Description: 32_000,
    AccountNumber: 40,
    Site: 80,
    BillingCity: 40,
    ShippingCity: 40,
    BillingState: 80,
    ShippingState: 80,
    BillingPostalCode: 20,
    ShippingPostalCode: 20
};

const KIND_OF: Record<string, FieldKind> = {
    AutoNumber: 'string',
    Checkbox: 'boolean',
    Currency: 'currency',
    Date: 'date',
    DateTime: 'datetime',
    Email: 'email',
    Lookup: 'reference',
    LongTextArea: 'textarea',
    MasterDetail: 'reference',
    Number: 'double',
    Percent: 'percent',
    Phone: 'phone',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Text: 'string',
    TextArea: 'textarea',
    Url: 'url'
};

function customField(def: CustomFieldDef): FieldInfo {
    const kind: FieldKind =
        def.type === 'Number' && (def.scale ?? 0) === 0 ? 'double' : KIND_OF[def.type];
    return {
        name: def.name,
        label: def.label,
        kind,
        createable: def.type !== 'AutoNumber',
        updateable: def.type !== 'AutoNumber' && def.type !== 'MasterDetail',
        nillable: !def.required && def.type !== 'Checkbox' && def.type !== 'MasterDetail',
        required: def.required || def.type === 'MasterDetail',
        length: def.length,
        unique: def.unique || undefined,
        externalId: def.externalId || undefined,
        precision: def.precision,
        scale: def.scale,
        defaultValue:
            def.defaultValue === undefined
                ? undefined
                : def.type === 'Checkbox'
                  ? def.defaultValue === 'true'
                  : def.type === 'Number' || def.type === 'Currency' || def.type === 'Percent'
                    ? Number(def.defaultValue)
                    : def.defaultValue,
        ...(def.referenceTo
            ? {
                  referenceTo: [def.referenceTo],
                  relationshipName: def.name.replace(/__c$/, '__r')
              }
            : {}),
        ...(def.picklist
            ? {
                  picklistValues: def.picklist.values.map((v) => ({
                      value: v.value,
                      label: v.label,
                      isDefault: v.isDefault
                  }))
              }
            : {})
    };
}

/**
 * Every object's description. `leadStatuses` (from the LeadStatus table) gives
 * Lead.Status its picklist values, with the converted flag.
 */
export function buildObjectInfos(
    meta: PackageMetadata,
    leadStatuses: {
        ApiName: string;
        MasterLabel: string;
        IsConverted: boolean;
        IsDefault: boolean;
    }[] = []
): Map<string, ObjectInfo> {
    const out = new Map<string, ObjectInfo>();
    for (const [name, std] of Object.entries(STANDARD)) {
        const fields: Record<string, FieldInfo> = {};
        for (const [fname, kind, extra] of [...audit, ...std.fields]) {
            fields[fname] = {
                name: fname,
                label: fname.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ Id$/, ''),
                kind,
                createable: true,
                updateable: true,
                nillable: true,
                ...(TEXT_KINDS.has(kind) ? { length: STANDARD_LENGTHS[fname] ?? 255 } : {}),
                ...extra
            };
        }
        out.set(name, {
            name,
            label: std.label,
            labelPlural: std.plural,
            keyPrefix: std.prefix,
            fields,
            childRelationships: (std.children ?? []).map(
                ([relationshipName, childObject, field]) => ({
                    relationshipName,
                    childObject,
                    field
                })
            )
        });
    }
    const lead = out.get('Lead')!;
    lead.fields.Status.label = 'Lead Status';
    lead.fields.Status.picklistValues = leadStatuses.map((s) => ({
        value: s.ApiName,
        label: s.MasterLabel,
        isDefault: s.IsDefault,
        converted: s.IsConverted
    }));

    let n = 0;
    for (const obj of meta.objects.values()) {
        let info = out.get(obj.name);
        if (!info) {
            const fields: Record<string, FieldInfo> = {};
            for (const [fname, kind, extra] of [
                ...audit,
                ['Name', 'string', obj.nameField?.type === 'AutoNumber' ? ro : {}] as Std,
                ['OwnerId', 'reference', ref(['User', 'Group'], 'Owner')] as Std
            ]) {
                fields[fname] = {
                    name: fname,
                    label: fname === 'Name' ? (obj.nameField?.label ?? 'Name') : fname,
                    kind,
                    createable: true,
                    updateable: true,
                    nillable: true,
                    ...extra
                };
            }
            info = {
                name: obj.name,
                label: obj.label ?? obj.name,
                labelPlural: obj.pluralLabel ?? obj.name,
                keyPrefix: `a0${String.fromCharCode(65 + n++)}`,
                fields,
                childRelationships: []
            };
            out.set(obj.name, info);
        }
        for (const def of obj.fields.values()) info.fields[def.name] = customField(def);
    }
    // Child relationships declared by custom lookups (relationshipName on the child).
    for (const obj of meta.objects.values()) {
        for (const def of obj.fields.values()) {
            const parent = def.referenceTo ? out.get(def.referenceTo) : undefined;
            if (parent && def.relationshipName) {
                parent.childRelationships.push({
                    relationshipName: def.relationshipName.endsWith('__r')
                        ? def.relationshipName
                        : `${def.relationshipName}__r`,
                    childObject: obj.name,
                    field: def.name
                });
            }
        }
    }
    return out;
}
