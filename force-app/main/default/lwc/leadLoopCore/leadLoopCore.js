// Generated from core/src by `npm run build`. Do not edit: change the TypeScript and rebuild.
/* eslint-disable */
var __defProp = Object.defineProperty;
var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);

// core/src/apiVersion.ts
var API_VERSION = "66.0";

// core/src/types.ts
var TIERS = ["Hot", "Warm", "Cool", "Cold"];
var FIT_GRADES = ["A", "B", "C", "D"];
var HANDBACK_REASONS = [
  "Not_Ready",
  "No_Budget",
  "No_Authority",
  "No_Response",
  "Bad_Fit",
  "Other"
];
var RETURN_RULES = ["Round_Robin", "Queue"];

// core/src/schema.ts
var PACKAGE_PREFIX = "LL_";
var LEAD_FIELDS = {
  id: "Id",
  firstName: "FirstName",
  lastName: "LastName",
  company: "Company",
  title: "Title",
  email: "Email",
  phone: "Phone",
  industry: "Industry",
  numberOfEmployees: "NumberOfEmployees",
  annualRevenue: "AnnualRevenue",
  country: "Country",
  leadSource: "LeadSource",
  status: "Status",
  isConverted: "IsConverted",
  convertedDate: "ConvertedDate",
  convertedAccountId: "ConvertedAccountId",
  convertedContactId: "ConvertedContactId",
  convertedOpportunityId: "ConvertedOpportunityId",
  ownerId: "OwnerId",
  createdDate: "CreatedDate",
  lastModifiedDate: "LastModifiedDate",
  systemModstamp: "SystemModstamp",
  lastActivityDate: "LastActivityDate",
  score: "LL_Score__c",
  fitGrade: "LL_Fit_Grade__c",
  engagement: "LL_Engagement__c",
  tier: "LL_Tier__c",
  salesReady: "LL_Sales_Ready__c",
  scoreReasons: "LL_Score_Reasons__c",
  scoreSummary: "LL_Score_Summary__c",
  scoredAt: "LL_Scored_At__c",
  modelVersion: "LL_Model_Version__c",
  previousScore: "LL_Previous_Score__c",
  previousTier: "LL_Previous_Tier__c",
  handbackReason: "LL_Handback_Reason__c",
  handbackNotes: "LL_Handback_Notes__c",
  nurtureUntil: "LL_Nurture_Until__c",
  previousOwnerId: "LL_Previous_Owner__c",
  previousStatus: "LL_Previous_Status__c",
  handedBackAt: "LL_Handed_Back_At__c",
  handbackCount: "LL_Handback_Count__c",
  recycledCount: "LL_Recycled_Count__c",
  returnedAt: "LL_Returned_At__c",
  readyToReturn: "LL_Ready_To_Return__c",
  nextStep: "LL_Next_Step__c",
  nextStepDate: "LL_Next_Step_Date__c",
  lastReviewed: "LL_Last_Reviewed__c",
  statusChangedAt: "LL_Status_Changed_At__c",
  sourceId: "LL_Source_Id__c",
  duplicateOfId: "LL_Duplicate_Of__c",
  movedOnContactId: "LL_Moved_On_Contact__c",
  movedOnOpportunityId: "LL_Moved_On_Opportunity__c"
};
var LEAD_VALUE_TYPES = {
  numberOfEmployees: "number",
  annualRevenue: "number",
  isConverted: "boolean",
  score: "number",
  engagement: "number",
  salesReady: "boolean",
  modelVersion: "number",
  previousScore: "number",
  handbackCount: "number",
  recycledCount: "number"
};
var SCORE_FIELD_KEYS = [
  "score",
  "fitGrade",
  "engagement",
  "tier",
  "salesReady",
  "scoreReasons",
  "scoreSummary",
  "scoredAt",
  "modelVersion",
  "previousScore",
  "previousTier"
];
var SCORING_MODEL = {
  objectApiName: "LL_Scoring_Model__c",
  fields: {
    id: "Id",
    name: "Name",
    version: "LL_Version__c",
    status: "LL_Status__c",
    definition: "LL_Definition__c",
    activatedAt: "LL_Activated_At__c",
    description: "LL_Description__c",
    createdDate: "CreatedDate"
  }
};
var REVIEW_MEETING = {
  objectApiName: "LL_Review_Meeting__c",
  fields: {
    id: "Id",
    name: "Name",
    meetingDate: "LL_Meeting_Date__c",
    facilitatorId: "LL_Facilitator__c",
    status: "LL_Status__c",
    leadsInScope: "LL_Leads_In_Scope__c",
    leadsReviewed: "LL_Leads_Reviewed__c",
    overdueNextSteps: "LL_Overdue_Next_Steps__c",
    flagsRaised: "LL_Flags_Raised__c",
    summary: "LL_Summary__c",
    teamManagerId: "LL_Team_Manager__c",
    periodStart: "LL_Period_Start__c",
    periodEnd: "LL_Period_End__c",
    currentLeadId: "LL_Current_Lead__c",
    lastModifiedDate: "LastModifiedDate"
  }
};
var REVIEW_ENTRY = {
  objectApiName: "LL_Review_Entry__c",
  fields: {
    id: "Id",
    name: "Name",
    meetingId: "LL_Meeting__c",
    leadId: "LL_Lead__c",
    repId: "LL_Rep__c",
    progress: "LL_Progress__c",
    nextStep: "LL_Next_Step__c",
    nextStepDate: "LL_Next_Step_Date__c",
    statusAtReview: "LL_Status_At_Review__c",
    flags: "LL_Flags__c",
    reviewedAt: "LL_Reviewed_At__c",
    statusAfter: "LL_Status_After__c",
    tierAtReview: "LL_Tier_At_Review__c",
    outcome: "LL_Outcome__c",
    lastModifiedDate: "LastModifiedDate"
  }
};
var SETTINGS = {
  objectApiName: "LL_Settings__c",
  fields: {
    id: "Id",
    name: "Name",
    active: "LL_Active__c",
    followUpSlaDays: "LL_Follow_Up_SLA_Days__c",
    qualifiedUntouchedDays: "LL_Qualified_Untouched_Days__c",
    deadAfterDays: "LL_Dead_After_Days__c",
    hotInMarketingDays: "LL_Hot_In_Marketing_Days__c",
    matchDuplicateEmail: "LL_Match_Duplicate_Email__c",
    matchDuplicatePerson: "LL_Match_Duplicate_Person__c",
    matchDuplicatePhone: "LL_Match_Duplicate_Phone__c",
    matchDuplicateContact: "LL_Match_Duplicate_Contact__c",
    nurtureQueue: "LL_Nurture_Queue__c",
    openStatuses: "LL_Open_Statuses__c",
    workingStatuses: "LL_Working_Statuses__c",
    qualifiedStatuses: "LL_Qualified_Statuses__c",
    nurturingStatus: "LL_Nurturing_Status__c",
    disqualifiedStatuses: "LL_Disqualified_Statuses__c",
    salesReadyTiers: "LL_Sales_Ready_Tiers__c",
    nurtureDays: "LL_Nurture_Days__c",
    returnRule: "LL_Return_Rule__c",
    returnQueue: "LL_Return_Queue__c",
    roundRobinCap: "LL_Round_Robin_Cap__c",
    closeStatus: "LL_Close_Status__c"
  }
};
var SOURCE_ID_FIELD = "LL_Source_Id__c";
var NURTURE_QUEUE_DEVELOPER_NAME = "LL_Marketing_Nurture";
var HAND_BACK_QUICK_ACTION = {
  name: "Lead.LL_Hand_Back_To_Marketing",
  component: "handBackAction"
};
var STATUS_CHANGED_FLOW = "LL_Lead_Status_Changed";
var FIX_LOG = {
  objectApiName: "LL_Fix_Log__c",
  fields: {
    id: "Id",
    name: "Name",
    runId: "LL_Run_Id__c",
    checkId: "LL_Check__c",
    fixKind: "LL_Fix_Kind__c",
    leadId: "LL_Lead__c",
    field: "LL_Field__c",
    oldValue: "LL_Old_Value__c",
    newValue: "LL_New_Value__c",
    leadModifiedAt: "LL_Lead_Modified_At__c",
    appliedAt: "LL_Applied_At__c",
    appliedById: "LL_Applied_By__c",
    undoneAt: "LL_Undone_At__c",
    status: "LL_Status__c",
    message: "LL_Message__c"
  }
};
var FIX_LOG_STATUSES = ["Applied", "Failed", "Skipped", "Undone"];
var AUDIT_RUN = {
  objectApiName: "LL_Audit_Run__c",
  fields: {
    id: "Id",
    name: "Name",
    ranAt: "LL_Ran_At__c",
    leadsAudited: "LL_Leads_Audited__c",
    leadsWithFindings: "LL_Leads_With_Findings__c",
    findings: "LL_Findings__c",
    critical: "LL_Critical__c",
    high: "LL_High__c",
    medium: "LL_Medium__c",
    low: "LL_Low__c",
    checks: "LL_Checks__c",
    countsByCheck: "LL_Counts_By_Check__c",
    source: "LL_Source__c",
    /** The figures the funnel page shows from the latest run (README "Tracking and reporting"). */
    handedToSales: "LL_Handed_To_Sales__c",
    defectiveLeads: "LL_Defective_Leads__c",
    firstTouchLeads: "LL_First_Touch_Leads__c",
    firstTouchMedianHours: "LL_First_Touch_Median_Hours__c",
    firstTouchP90Hours: "LL_First_Touch_P90_Hours__c"
  }
};
var REPORT_LINK = {
  objectApiName: "LL_Report_Link__c",
  fields: {
    id: "Id",
    name: "Name",
    developerName: "LL_Report_Developer_Name__c",
    reportId: "LL_Report_Id__c"
  }
};
var PERMISSION_SETS = {
  user: "LL_Lead_Loop_User",
  admin: "LL_Lead_Loop_Admin"
};
var PACKAGE_OBJECTS = [
  SCORING_MODEL.objectApiName,
  REVIEW_MEETING.objectApiName,
  REVIEW_ENTRY.objectApiName,
  SETTINGS.objectApiName,
  FIX_LOG.objectApiName,
  AUDIT_RUN.objectApiName,
  REPORT_LINK.objectApiName
];

// core/src/records.ts
function fieldValue(raw) {
  if (raw !== null && typeof raw === "object" && "value" in raw) {
    return raw.value;
  }
  return raw;
}
function fieldNumber(raw) {
  const x = fieldValue(raw);
  const n = typeof x === "string" && x !== "" ? Number(x) : x;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}
function flatten(record) {
  const fields = record.fields;
  if (fields && typeof fields === "object" && !Array.isArray(fields)) {
    return { Id: record.id, ...fields };
  }
  return record;
}
function fromRecord(fieldMap, record) {
  const flat4 = flatten(record);
  const out = {};
  for (const [key, apiName] of Object.entries(fieldMap)) {
    if (apiName in flat4) {
      out[key] = fieldValue(flat4[apiName]);
    }
  }
  return out;
}
function toRecord(fieldMap, values) {
  const out = {};
  for (const [key, value] of Object.entries(values)) {
    const apiName = fieldMap[key];
    if (!apiName) {
      throw new Error(`Unknown field key "${key}"`);
    }
    if (value !== void 0) {
      out[apiName] = value;
    }
  }
  return out;
}
function leadFromRecord(record) {
  const lead = fromRecord(LEAD_FIELDS, record);
  const values = lead;
  for (const [key, type] of Object.entries(LEAD_VALUE_TYPES)) {
    const v = values[key];
    if (typeof v !== "string") continue;
    if (v === "") values[key] = null;
    else if (type === "boolean") values[key] = v === "true";
    else values[key] = Number.isFinite(Number(v)) ? Number(v) : null;
  }
  if (lead.isConverted === void 0 && "IsConverted" in record) {
    lead.isConverted = Boolean(fieldValue(record.IsConverted));
  }
  return lead;
}
function leadToRecord(values) {
  return toRecord(LEAD_FIELDS, values);
}
function graphqlNodes(connection) {
  const edges = connection?.edges;
  return (edges ?? []).map((edge) => edge?.node).filter((node) => !!node);
}

// core/src/fields.ts
var FIT_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "title",
  "email",
  "phone",
  "industry",
  "numberOfEmployees",
  "annualRevenue",
  "country",
  "leadSource"
];
var SCORING_INPUT_LEAD_KEYS = [
  "id",
  ...FIT_FIELDS,
  "createdDate"
];
var READY_TO_RETURN_LEAD_KEYS = [
  "status",
  "ownerId",
  "nurtureUntil",
  "readyToReturn"
];
var SCORING_LEAD_KEYS = [
  ...SCORING_INPUT_LEAD_KEYS,
  ...SCORE_FIELD_KEYS,
  ...READY_TO_RETURN_LEAD_KEYS
];
var PREVIEW_LEAD_KEYS = [
  ...SCORING_INPUT_LEAD_KEYS,
  "tier"
];
function leadApiNames(keys) {
  return keys.map((key) => LEAD_FIELDS[key]);
}
var SCORING_ACTIVITY_FIELDS = {
  Task: ["Id", "WhoId", "OwnerId", "Subject", "Type", "Status", "ActivityDate", "CreatedDate"],
  Event: [
    "Id",
    "WhoId",
    "OwnerId",
    "Subject",
    "Type",
    "ActivityDate",
    "StartDateTime",
    "CreatedDate"
  ],
  CampaignMember: [
    "Id",
    "LeadId",
    "CampaignId",
    "Status",
    "HasResponded",
    "FirstRespondedDate",
    "CreatedDate",
    "Campaign.Name"
  ]
};
var SCORING_MODEL_FIELDS = Object.values(SCORING_MODEL.fields);
var SCORING_MODEL_READS = {
  [SCORING_MODEL.objectApiName]: SCORING_MODEL_FIELDS
};
var HANDBACK_READS = {
  [SETTINGS.objectApiName]: [
    "Id",
    SETTINGS.fields.nurtureQueue,
    SETTINGS.fields.nurturingStatus,
    SETTINGS.fields.nurtureDays
  ],
  Group: ["Id", "DeveloperName"]
};
var SCORING_READS = {
  Lead: leadApiNames(SCORING_LEAD_KEYS),
  ...SCORING_ACTIVITY_FIELDS,
  ...SCORING_MODEL_READS,
  ...HANDBACK_READS
};
var PREVIEW_READS = {
  Lead: leadApiNames(PREVIEW_LEAD_KEYS),
  ...SCORING_ACTIVITY_FIELDS
};
var HANDBACK_LEAD_KEYS = [
  "id",
  "firstName",
  "lastName",
  "company",
  "status",
  "isConverted",
  "convertedDate",
  "ownerId",
  "lastModifiedDate",
  "systemModstamp",
  "tier",
  "handbackReason",
  "handbackNotes",
  "nurtureUntil",
  "previousOwnerId",
  "previousStatus",
  "handedBackAt",
  "handbackCount",
  "recycledCount",
  "returnedAt"
];
var NURTURE_QUEUE_LEAD_KEYS = [
  ...HANDBACK_LEAD_KEYS,
  "score",
  "readyToReturn"
];
var NURTURE_QUEUE_READS = {
  Lead: leadApiNames(NURTURE_QUEUE_LEAD_KEYS),
  [SETTINGS.objectApiName]: [
    ...HANDBACK_READS[SETTINGS.objectApiName],
    SETTINGS.fields.openStatuses,
    SETTINGS.fields.returnRule,
    SETTINGS.fields.returnQueue,
    SETTINGS.fields.roundRobinCap
  ],
  Group: [...HANDBACK_READS.Group, "Name"],
  User: ["Id", "Name", "IsActive"]
};
var HYGIENE_LEAD_KEYS = [
  "id",
  "firstName",
  "lastName",
  "company",
  "email",
  "phone",
  "country",
  "status",
  "isConverted",
  "ownerId",
  "createdDate",
  "lastModifiedDate",
  "lastActivityDate",
  "score",
  "tier",
  "salesReady",
  "nurtureUntil",
  "handedBackAt",
  // Sales had it before handing it back: handed to sales, for the run's defect rate.
  "previousOwnerId",
  "statusChangedAt",
  "duplicateOfId",
  "movedOnContactId",
  "movedOnOpportunityId"
];
var HYGIENE_READS = {
  Lead: leadApiNames(HYGIENE_LEAD_KEYS),
  User: ["Id", "Name", "IsActive"],
  Group: ["Id", "Name", "DeveloperName", "Type"],
  Contact: ["Id", "FirstName", "LastName", "Email", "AccountId", "Account.Name", "CreatedDate"],
  Account: ["Id", "Name", "Website"],
  Opportunity: ["Id", "Name", "AccountId", "StageName", "IsClosed", "IsWon", "CreatedDate"],
  /** What scoring reads, plus whether a task is done and its outcome. */
  Task: [...SCORING_ACTIVITY_FIELDS.Task, "IsClosed", "Description"],
  Event: [...SCORING_ACTIVITY_FIELDS.Event, "Description"]
};
var HYGIENE_PAGE_READS = {
  ...HYGIENE_READS,
  [SETTINGS.objectApiName]: Object.values(SETTINGS.fields)
};
var pick = (reads, objects) => Object.fromEntries(objects.map((object) => [object, reads[object]]));
var HYGIENE_LEAD_READS = pick(HYGIENE_PAGE_READS, [
  "Lead",
  "Task",
  "Event",
  "Group",
  SETTINGS.objectApiName
]);
var HYGIENE_LEAD_RELATED_READS = pick(HYGIENE_PAGE_READS, [
  "User",
  "Lead",
  "Contact",
  "Account",
  "Opportunity"
]);
var BOARD_LEAD_KEYS = [
  .../* @__PURE__ */ new Set([
    ...HYGIENE_LEAD_KEYS,
    "id",
    "firstName",
    "lastName",
    "company",
    "status",
    "isConverted",
    "ownerId",
    "createdDate",
    "lastActivityDate",
    "score",
    "tier",
    "nextStep",
    "nextStepDate",
    "lastReviewed"
  ])
];
var BOARD_USER_FIELDS = [...HYGIENE_READS.User, "ManagerId"];
var REVIEW_MEETING_FIELDS = Object.values(REVIEW_MEETING.fields);
var REVIEW_ENTRY_FIELDS = Object.values(REVIEW_ENTRY.fields);
var SETTINGS_READS = {
  [SETTINGS.objectApiName]: Object.values(SETTINGS.fields)
};
var BOARD_READS = {
  Lead: leadApiNames(BOARD_LEAD_KEYS),
  User: BOARD_USER_FIELDS,
  Group: HYGIENE_READS.Group,
  [REVIEW_ENTRY.objectApiName]: REVIEW_ENTRY_FIELDS,
  ...SETTINGS_READS
};
var MEETING_READS = {
  [REVIEW_MEETING.objectApiName]: REVIEW_MEETING_FIELDS
};
var REP_LEAD_READS = {
  Lead: leadApiNames([
    ...SCORING_INPUT_LEAD_KEYS,
    "status",
    "isConverted",
    "ownerId",
    "lastActivityDate",
    "nextStep",
    "nextStepDate"
  ]),
  ...SCORING_MODEL_READS,
  ...SETTINGS_READS
};
var REP_ACTIVITY_READS = SCORING_ACTIVITY_FIELDS;
var API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
function graphqlSelection(fields) {
  const parents = /* @__PURE__ */ new Map();
  const parts = [];
  for (const field of fields) {
    const [name, ...rest] = field.split(".");
    if (!API_NAME.test(name) || rest.some((r) => !API_NAME.test(r))) {
      throw new Error(`Not an API name: "${field}"`);
    }
    if (rest.length) {
      if (!parents.has(name)) {
        parents.set(name, []);
        parts.push(name);
      }
      parents.get(name).push(rest.join("."));
    } else if (name === "Id") {
      parts.push("Id");
    } else {
      parts.push(`${name.endsWith("__c") ? `${name}: ` : ""}${name} { value }`);
    }
  }
  return parts.map(
    (part) => parents.has(part) ? `${part} { ${graphqlSelection(parents.get(part))} }` : part
  ).join(" ");
}
function graphqlEdges(fields) {
  return `edges { node { ${graphqlSelection(fields)} } }`;
}
var FUNNEL_READS = {
  [SETTINGS.objectApiName]: ["Id", ...Object.values(SETTINGS.fields)],
  [REPORT_LINK.objectApiName]: [
    REPORT_LINK.fields.id,
    REPORT_LINK.fields.developerName,
    REPORT_LINK.fields.reportId
  ],
  [AUDIT_RUN.objectApiName]: [
    AUDIT_RUN.fields.id,
    AUDIT_RUN.fields.ranAt,
    AUDIT_RUN.fields.source,
    AUDIT_RUN.fields.handedToSales,
    AUDIT_RUN.fields.defectiveLeads,
    AUDIT_RUN.fields.firstTouchLeads,
    AUDIT_RUN.fields.firstTouchMedianHours,
    AUDIT_RUN.fields.firstTouchP90Hours
  ]
};

// core/src/dates.ts
var MS_PER_DAY = 864e5;
function toEpochMs(value) {
  if (!value) {
    return Number.NaN;
  }
  const fast = parseUtcIso(value);
  if (fast !== null) {
    return fast;
  }
  const text4 = value.length === 10 ? `${value}T00:00:00.000Z` : value;
  return Date.parse(text4);
}
function digits(text4, start, end) {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = text4.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
function parseUtcIso(text4) {
  const len = text4.length === 28 && text4.endsWith("+0000") ? 24 : text4.length;
  if (len !== 10 && len !== 20 && len !== 24 || text4[4] !== "-" || text4[7] !== "-") {
    return null;
  }
  const year = digits(text4, 0, 4);
  const month = digits(text4, 5, 7);
  const day = digits(text4, 8, 10);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  const dayMs = daysFromCivil(year, month, day) * MS_PER_DAY;
  if (len === 10) return dayMs;
  const zone = len !== text4.length || text4[len - 1] === "Z";
  if (text4[10] !== "T" || text4[13] !== ":" || text4[16] !== ":" || !zone) {
    return null;
  }
  const hour = digits(text4, 11, 13);
  const minute = digits(text4, 14, 16);
  const second = digits(text4, 17, 19);
  const ms = len === 24 ? text4[19] === "." ? digits(text4, 20, 23) : -1 : 0;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) {
    return null;
  }
  return dayMs + ((hour * 60 + minute) * 60 + second) * 1e3 + ms;
}
function daysInMonth(year, month) {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && year % 100 !== 0 || year % 400 === 0 ? 29 : 28;
}
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
function daysBetween(from, to) {
  const end = to instanceof Date ? to.getTime() : toEpochMs(to);
  const start = toEpochMs(from);
  return Math.floor((end - start) / MS_PER_DAY);
}
function isoDate(moment) {
  return moment.toISOString().slice(0, 10);
}
function addDays(moment, days) {
  return isoDate(new Date(moment.getTime() + days * MS_PER_DAY));
}
function latest(a, b) {
  if (!a) {
    return b ?? null;
  }
  if (!b) {
    return a;
  }
  return toEpochMs(a) >= toEpochMs(b) ? a : b;
}

// core/src/settings.ts
var DEFAULT_NURTURE_DAYS = {
  Not_Ready: 90,
  No_Budget: 180,
  No_Authority: 60,
  No_Response: 60,
  Bad_Fit: 365,
  Other: 90
};
var MAX_ROUND_ROBIN_CAP = 1e4;
var DEFAULT_SETTINGS = {
  followUpSlaDays: 2,
  qualifiedUntouchedDays: 7,
  deadAfterDays: 90,
  hotInMarketingDays: 2,
  matchDuplicateEmail: true,
  matchDuplicatePerson: true,
  matchDuplicatePhone: true,
  matchDuplicateContact: true,
  nurtureQueue: NURTURE_QUEUE_DEVELOPER_NAME,
  openStatuses: ["Open - Not Contacted", "New"],
  workingStatuses: ["Working - Contacted", "Working"],
  qualifiedStatuses: ["Qualified"],
  nurturingStatus: "Nurturing",
  disqualifiedStatuses: ["Closed - Not Converted", "Unqualified"],
  salesReadyTiers: ["Hot", "Warm"],
  nurtureDays: DEFAULT_NURTURE_DAYS,
  returnRule: "Round_Robin",
  returnQueue: "",
  roundRobinCap: null,
  closeStatus: ""
};
function splitList(text4) {
  if (typeof text4 !== "string") {
    return [];
  }
  return text4.split(";").map((part) => part.trim()).filter((part) => part.length > 0);
}
function joinList(values) {
  return values.join(";");
}
function parseSettings(record) {
  const issues = [];
  if (!record) {
    return { settings: { ...DEFAULT_SETTINGS }, issues };
  }
  const f = SETTINGS.fields;
  const get2 = (apiName) => {
    const flat4 = record.fields ?? record;
    return fieldValue(flat4[apiName]);
  };
  const days = (apiName, fallback) => {
    const raw = get2(apiName);
    if (raw === null || raw === void 0 || raw === "") {
      return fallback;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 3650) {
      issues.push({
        field: apiName,
        message: `${apiName} must be a number of days from 0 to 3650, not ${JSON.stringify(raw)}; using ${fallback}.`
      });
      return fallback;
    }
    return n;
  };
  const flag = (apiName, fallback) => {
    const raw = get2(apiName);
    if (raw === null || raw === void 0 || raw === "") return fallback;
    if (raw === true || raw === "true") return true;
    if (raw === false || raw === "false") return false;
    issues.push({
      field: apiName,
      message: `${apiName} must be true or false, not ${JSON.stringify(raw)}; using ${fallback}.`
    });
    return fallback;
  };
  const list = (apiName, fallback) => {
    const values = splitList(get2(apiName));
    return values.length ? values : fallback;
  };
  const tiers = list(f.salesReadyTiers, DEFAULT_SETTINGS.salesReadyTiers);
  const badTiers = tiers.filter((t) => !TIERS.includes(t));
  if (badTiers.length) {
    issues.push({
      field: f.salesReadyTiers,
      message: `${f.salesReadyTiers} has unknown tier(s) ${badTiers.join(", ")}; tiers are ${TIERS.join(", ")}.`
    });
  }
  const nurtureDays = { ...DEFAULT_NURTURE_DAYS };
  const rawNurture = get2(f.nurtureDays);
  if (typeof rawNurture === "string" && rawNurture.trim()) {
    try {
      const parsed = JSON.parse(rawNurture);
      for (const [reason, value] of Object.entries(parsed)) {
        if (!HANDBACK_REASONS.includes(reason)) {
          issues.push({
            field: f.nurtureDays,
            message: `${f.nurtureDays}: unknown hand-back reason "${reason}".`
          });
        } else if (typeof value !== "number" || !Number.isFinite(value) || value < 1 || value > 3650) {
          issues.push({
            field: f.nurtureDays,
            message: `${f.nurtureDays}: days for ${reason} must be 1 to 3650.`
          });
        } else {
          nurtureDays[reason] = value;
        }
      }
    } catch {
      issues.push({
        field: f.nurtureDays,
        message: `${f.nurtureDays} is not valid JSON; using the defaults.`
      });
    }
  }
  const nurtureQueue = get2(f.nurtureQueue);
  const nurturingStatus = get2(f.nurturingStatus);
  const { returnRule, returnQueue } = parseReturnRule(
    get2(f.returnRule),
    get2(f.returnQueue),
    issues
  );
  const roundRobinCap = parseCap(get2(f.roundRobinCap), issues);
  const closeStatus = get2(f.closeStatus);
  return {
    settings: {
      followUpSlaDays: days(f.followUpSlaDays, DEFAULT_SETTINGS.followUpSlaDays),
      qualifiedUntouchedDays: days(
        f.qualifiedUntouchedDays,
        DEFAULT_SETTINGS.qualifiedUntouchedDays
      ),
      deadAfterDays: days(f.deadAfterDays, DEFAULT_SETTINGS.deadAfterDays),
      hotInMarketingDays: days(f.hotInMarketingDays, DEFAULT_SETTINGS.hotInMarketingDays),
      matchDuplicateEmail: flag(f.matchDuplicateEmail, DEFAULT_SETTINGS.matchDuplicateEmail),
      matchDuplicatePerson: flag(
        f.matchDuplicatePerson,
        DEFAULT_SETTINGS.matchDuplicatePerson
      ),
      matchDuplicatePhone: flag(f.matchDuplicatePhone, DEFAULT_SETTINGS.matchDuplicatePhone),
      matchDuplicateContact: flag(
        f.matchDuplicateContact,
        DEFAULT_SETTINGS.matchDuplicateContact
      ),
      nurtureQueue: typeof nurtureQueue === "string" && nurtureQueue.trim() ? nurtureQueue.trim() : DEFAULT_SETTINGS.nurtureQueue,
      openStatuses: list(f.openStatuses, DEFAULT_SETTINGS.openStatuses),
      workingStatuses: list(f.workingStatuses, DEFAULT_SETTINGS.workingStatuses),
      qualifiedStatuses: list(f.qualifiedStatuses, DEFAULT_SETTINGS.qualifiedStatuses),
      nurturingStatus: typeof nurturingStatus === "string" && nurturingStatus.trim() ? nurturingStatus.trim() : DEFAULT_SETTINGS.nurturingStatus,
      disqualifiedStatuses: list(
        f.disqualifiedStatuses,
        DEFAULT_SETTINGS.disqualifiedStatuses
      ),
      salesReadyTiers: tiers.filter(
        (t) => TIERS.includes(t)
      ),
      nurtureDays,
      returnRule,
      returnQueue,
      roundRobinCap,
      closeStatus: typeof closeStatus === "string" ? closeStatus.trim() : ""
    },
    issues
  };
}
function text(raw) {
  return typeof raw === "string" ? raw.trim() : "";
}
function parseReturnRule(rawRule, rawQueue, issues) {
  const f = SETTINGS.fields;
  const rule = text(rawRule);
  const returnQueue = text(rawQueue);
  let returnRule = DEFAULT_SETTINGS.returnRule;
  if (rule && !RETURN_RULES.includes(rule)) {
    issues.push({
      field: f.returnRule,
      message: `${f.returnRule} "${rule}" is not a return rule; rules are ${RETURN_RULES.join(", ")}. Using ${returnRule}.`
    });
  } else if (rule) {
    returnRule = rule;
  }
  if (returnRule === "Queue" && !returnQueue) {
    issues.push({
      field: f.returnQueue,
      message: `${f.returnQueue} must name a queue (its developer name) when ${f.returnRule} is Queue; using Round_Robin.`
    });
    returnRule = "Round_Robin";
  }
  return { returnRule, returnQueue };
}
function parseCap(raw, issues) {
  if (raw === null || raw === void 0 || raw === "") {
    return null;
  }
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROUND_ROBIN_CAP) {
    const f = SETTINGS.fields;
    issues.push({
      field: f.roundRobinCap,
      message: `${f.roundRobinCap} must be a whole number of leads from 1 to ${MAX_ROUND_ROBIN_CAP}, or blank for no cap; using no cap.`
    });
    return null;
  }
  return n;
}
function settingsToRecord(settings, name = "Default") {
  const f = SETTINGS.fields;
  return {
    [f.name]: name,
    [f.active]: true,
    [f.followUpSlaDays]: settings.followUpSlaDays,
    [f.qualifiedUntouchedDays]: settings.qualifiedUntouchedDays,
    [f.deadAfterDays]: settings.deadAfterDays,
    [f.hotInMarketingDays]: settings.hotInMarketingDays,
    [f.matchDuplicateEmail]: settings.matchDuplicateEmail,
    [f.matchDuplicatePerson]: settings.matchDuplicatePerson,
    [f.matchDuplicatePhone]: settings.matchDuplicatePhone,
    [f.matchDuplicateContact]: settings.matchDuplicateContact,
    [f.nurtureQueue]: settings.nurtureQueue,
    [f.openStatuses]: joinList(settings.openStatuses),
    [f.workingStatuses]: joinList(settings.workingStatuses),
    [f.qualifiedStatuses]: joinList(settings.qualifiedStatuses),
    [f.nurturingStatus]: settings.nurturingStatus,
    [f.disqualifiedStatuses]: joinList(settings.disqualifiedStatuses),
    [f.salesReadyTiers]: joinList(settings.salesReadyTiers),
    [f.nurtureDays]: JSON.stringify(settings.nurtureDays),
    [f.returnRule]: settings.returnRule,
    [f.returnQueue]: settings.returnQueue,
    [f.roundRobinCap]: settings.roundRobinCap,
    [f.closeStatus]: settings.closeStatus || null
  };
}

// core/src/errors.ts
function messagesOf(list) {
  return Array.isArray(list) ? list.map((e) => typeof e?.message === "string" ? e.message : "").filter(Boolean) : [];
}
function fieldErrorMessages(fieldErrors) {
  if (!fieldErrors || typeof fieldErrors !== "object") {
    return [];
  }
  return Object.values(fieldErrors).flatMap(messagesOf);
}
function reduceOne(error) {
  if (error === null || error === void 0) {
    return [];
  }
  if (typeof error === "string") {
    return [error];
  }
  if (typeof error !== "object") {
    return [String(error)];
  }
  const e = error;
  const body = e.body;
  if (Array.isArray(body)) {
    return messagesOf(body);
  }
  if (body && typeof body === "object") {
    const output = body.output;
    const found = [
      ...messagesOf(body.pageErrors),
      ...fieldErrorMessages(body.fieldErrors),
      ...messagesOf(output?.errors),
      ...fieldErrorMessages(output?.fieldErrors)
    ];
    if (found.length) {
      return found;
    }
    if (typeof body.message === "string") {
      return [body.message];
    }
  }
  if (Array.isArray(e.errors) && e.errors.length) {
    return messagesOf(e.errors);
  }
  if (typeof e.message === "string" && e.message) {
    return [e.message];
  }
  if (typeof e.statusText === "string" && e.statusText) {
    return [e.statusText];
  }
  return [];
}
function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap(reduceOne).filter((m) => m.length > 0);
  return [...new Set(messages)];
}

// core/src/scoring/model.ts
var NEGATIVE_TARGETS = ["title", "company", "email", "emailDomain"];
var ENGAGEMENT_CATEGORIES = ["activity", "campaign", "source"];
var ENGAGEMENT_BANDS = ["High", "Medium", "Low", "None"];
var DEFAULT_SCORING_MODEL = deepFreeze({
  name: "Lead Loop default",
  description: "Fit: seniority, industry, company size, country, email, completeness, competitor/student penalties. Engagement: 30-day half-life.",
  fit: {
    title: [
      {
        id: "title-vp",
        label: "VP title",
        keywords: ["vice president", "vp", "svp", "evp", "head of"],
        points: 20
      },
      {
        id: "title-exec",
        label: "Executive title",
        keywords: [
          "chief",
          "ceo",
          "cto",
          "cfo",
          "cmo",
          "coo",
          "cio",
          "president",
          "founder"
        ],
        points: 25
      },
      { id: "title-director", label: "Director title", keywords: ["director"], points: 15 },
      {
        id: "title-manager",
        label: "Manager title",
        keywords: ["manager", "lead", "principal"],
        points: 8
      },
      {
        id: "title-practitioner",
        label: "Practitioner title",
        keywords: ["specialist", "analyst", "engineer", "consultant", "coordinator"],
        points: 3
      }
    ],
    industry: [
      {
        id: "industry-core",
        label: "Target industry",
        values: ["Technology", "Software", "Financial Services", "Banking", "Insurance"],
        points: 15
      },
      {
        id: "industry-good",
        label: "Good-fit industry",
        values: [
          "Healthcare",
          "Manufacturing",
          "Telecommunications",
          "Retail",
          "Consulting",
          "Media"
        ],
        points: 8
      }
    ],
    companySize: [
      { id: "size-1-9", label: "Company of 1\u20139", min: 1, max: 10, points: 0 },
      { id: "size-10-49", label: "Company of 10\u201349", min: 10, max: 50, points: 5 },
      { id: "size-50-999", label: "Company of 50\u2013999", min: 50, max: 1e3, points: 15 },
      {
        id: "size-1000-9999",
        label: "Company of 1,000\u20139,999",
        min: 1e3,
        max: 1e4,
        points: 12
      },
      { id: "size-10000", label: "Company of 10,000+", min: 1e4, max: null, points: 8 }
    ],
    country: [
      {
        id: "country-core",
        label: "Served country",
        values: [
          "United States",
          "USA",
          "US",
          "Canada",
          "CA",
          "United Kingdom",
          "UK",
          "GB",
          "Germany",
          "DE",
          "France",
          "FR",
          "Netherlands",
          "NL",
          "Australia",
          "AU"
        ],
        points: 10
      }
    ],
    email: {
      businessPoints: 10,
      freeMailDomains: [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "proton.me",
        "protonmail.com",
        "mail.com",
        "yandex.ru"
      ],
      freeMailPoints: -10,
      junkKeywords: [
        "test",
        "asdf",
        "qwerty",
        "example",
        "noreply",
        "no reply",
        "mailinator",
        "fake",
        "spam"
      ],
      junkPoints: -30
    },
    completeness: {
      fields: [
        "firstName",
        "title",
        "email",
        "phone",
        "industry",
        "numberOfEmployees",
        "country"
      ],
      pointsPerField: 2
    },
    negative: [
      {
        id: "competitor",
        label: "Competitor",
        target: "emailDomain",
        keywords: ["hubspot.com", "marketo.com", "pardot.com", "zoho.com"],
        points: -50
      },
      {
        id: "student",
        label: "Student or intern",
        target: "title",
        keywords: ["student", "intern", "trainee", "apprentice"],
        points: -40
      }
    ]
  },
  engagement: {
    halfLifeDays: 30,
    maxAgeDays: 365,
    activities: [
      {
        id: "act-demo",
        label: "Demo or meeting",
        subjectKeywords: ["demo", "meeting", "trial"],
        points: 30
      },
      { id: "act-meeting", label: "Meeting", kind: "Event", points: 25 },
      { id: "act-call", label: "Call", types: ["Call"], points: 12 },
      { id: "act-email", label: "Email", types: ["Email"], points: 6 },
      { id: "act-other", label: "Activity", points: 4 }
    ],
    campaign: { respondedPoints: 20, memberPoints: 3 },
    leadSource: [
      {
        id: "source-inbound",
        label: "Inbound source",
        values: ["Web", "Website", "Partner Referral", "Employee Referral", "Referral"],
        points: 10
      },
      {
        id: "source-event",
        label: "Event source",
        values: ["Trade Show", "Webinar", "Seminar - Partner", "Seminar - Internal"],
        points: 6
      }
    ],
    caps: { activity: 60, campaign: 40, source: 15 }
  },
  grades: { A: 65, B: 45, C: 25 },
  bands: [
    { band: "High", min: 40, max: null },
    { band: "Medium", min: 15, max: 40 },
    { band: "Low", min: 3, max: 15 },
    { band: "None", min: 0, max: 3 }
  ],
  matrix: {
    A: { High: "Hot", Medium: "Hot", Low: "Warm", None: "Warm" },
    B: { High: "Hot", Medium: "Warm", Low: "Cool", None: "Cool" },
    C: { High: "Warm", Medium: "Cool", Low: "Cool", None: "Cold" },
    D: { High: "Cool", Medium: "Cold", Low: "Cold", None: "Cold" }
  },
  salesReadyTiers: ["Hot", "Warm"],
  scoreWeights: { fit: 50, engagement: 50 },
  maxReasons: 6
});
function deepFreeze(value) {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) {
      deepFreeze(value[key]);
    }
  }
  return value;
}

// core/src/scoring/leadValues.ts
function text2(value) {
  if (typeof value === "string") {
    return value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    return String(value);
  }
  return "";
}
var NON_WORD = /[^\p{L}\p{N}]+/gu;
function wordsOf(raw) {
  const words = raw.toLowerCase().replace(NON_WORD, " ").trim();
  return words ? ` ${words} ` : "";
}
var wordsCache = /* @__PURE__ */ new Map();
var WORDS_CACHE_LIMIT = 5e4;
function normalizeWords(value) {
  const raw = text2(value);
  if (!raw) {
    return "";
  }
  let cached = wordsCache.get(raw);
  if (cached === void 0) {
    cached = wordsOf(raw);
    if (wordsCache.size >= WORDS_CACHE_LIMIT) {
      wordsCache.clear();
    }
    wordsCache.set(raw, cached);
  }
  return cached;
}
function normalizeValue(value) {
  return text2(value).trim().toLowerCase();
}
function finiteNumber(value) {
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : null;
  }
  if (typeof value === "string" && value.trim() !== "") {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
function isFilled(value) {
  if (typeof value === "string") {
    return value.trim().length > 0;
  }
  if (typeof value === "number") {
    return Number.isFinite(value);
  }
  return value === true;
}
var epochCache = /* @__PURE__ */ new Map();
var EPOCH_CACHE_LIMIT = 5e4;
function epochOf(value) {
  if (typeof value !== "string" || value.length < 10) {
    return Number.NaN;
  }
  let ms = epochCache.get(value);
  if (ms === void 0) {
    ms = Date.parse(value.length === 10 ? `${value}T00:00:00.000Z` : value);
    if (epochCache.size >= EPOCH_CACHE_LIMIT) {
      epochCache.clear();
    }
    epochCache.set(value, ms);
  }
  return ms;
}
function dateLabel(ms, raw) {
  return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : new Date(ms).toISOString().slice(0, 10);
}

// core/src/scoring/compiledModel.ts
var compiledCache = /* @__PURE__ */ new WeakMap();
function keywordKeys(keywords) {
  return (keywords ?? []).map(normalizeWords).filter((k) => k.length > 0);
}
function valueSet(values) {
  return new Set((values ?? []).map(normalizeValue).filter((v) => v.length > 0));
}
function compile(model) {
  const cached = compiledCache.get(model);
  if (cached) {
    return cached;
  }
  const fit = model.fit;
  const compiled = {
    model,
    title: fit.title.map((rule) => ({ rule, keys: keywordKeys(rule.keywords) })),
    industry: fit.industry.map((rule) => ({ rule, values: valueSet(rule.values) })),
    country: fit.country.map((rule) => ({ rule, values: valueSet(rule.values) })),
    size: fit.companySize,
    freeMail: valueSet(fit.email.freeMailDomains),
    junk: keywordKeys(fit.email.junkKeywords),
    negative: fit.negative.map((rule) => ({
      rule,
      keys: rule.target === "emailDomain" ? rule.keywords.map(normalizeValue).filter(Boolean) : keywordKeys(rule.keywords)
    })),
    activities: model.engagement.activities.map((rule) => ({
      rule,
      types: rule.types && rule.types.length ? valueSet(rule.types) : null,
      subject: rule.subjectKeywords && rule.subjectKeywords.length ? keywordKeys(rule.subjectKeywords) : null
    })),
    sources: model.engagement.leadSource.map((rule) => ({
      rule,
      values: valueSet(rule.values)
    })),
    decayPerDay: model.engagement.halfLifeDays > 0 ? Math.LN2 / model.engagement.halfLifeDays : 0
  };
  compiledCache.set(model, compiled);
  return compiled;
}
function containsAny(words, keys) {
  if (!words) {
    return false;
  }
  for (const key of keys) {
    if (words.includes(key)) {
      return true;
    }
  }
  return false;
}

// core/src/scoring/reasons.ts
function round1(n) {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? 0 : r;
}
function signed(points) {
  return points > 0 ? `+${points}` : String(points);
}
function bucketText(b, points) {
  const when = dateLabel(b.latestMs, b.latestDate);
  if (b.category === "campaign") {
    return b.count === 1 ? `${b.label}: ${b.what} (${when}): ${signed(points)} engagement.` : `${b.label} \xD7${b.count}, latest ${b.what} (${when}): ${signed(points)} engagement.`;
  }
  if (b.category === "source") {
    return `Came in through ${b.what} (${when}): ${signed(points)} engagement.`;
  }
  return b.count === 1 ? `${b.label}: "${b.what}" (${when}): ${signed(points)} engagement.` : `${b.label} \xD7${b.count}, latest "${b.what}" (${when}): ${signed(points)} engagement.`;
}
var BAND_WORDS = {
  High: "high engagement",
  Medium: "medium engagement",
  Low: "low engagement",
  None: "no recent engagement"
};
function byStrength(a, b) {
  const d = Math.abs(b.points) - Math.abs(a.points);
  if (d !== 0) {
    return d;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
var SUMMARY_MAX = 255;
function summaryFor(tier, grade, band, salesReady, reasons) {
  const head = `${tier}${salesReady ? ", sales-ready" : ""}: fit ${grade}, ${BAND_WORDS[band]}.`;
  let up = "";
  let down = "";
  let ups = 0;
  for (const r of reasons) {
    if (r.points > 0 && ups < 2) {
      up = ups === 0 ? r.label : `${up}, ${r.label}`;
      ups += 1;
    } else if (r.points < 0 && !down) {
      down = r.label;
    }
  }
  let sentence = head;
  if (up) {
    sentence += ` Up: ${up}.`;
  }
  if (down) {
    sentence += ` Down: ${down}.`;
  }
  return sentence.length > SUMMARY_MAX ? `${sentence.slice(0, SUMMARY_MAX - 1)}\u2026` : sentence;
}

// core/src/scoring/engagementFactors.ts
function addEventTo(ctx, category, id, label, points, eventDate, what) {
  const eventMs = epochOf(eventDate);
  if (!Number.isFinite(eventMs) || !Number.isFinite(points) || points === 0) {
    return;
  }
  const ageMs = ctx.nowMs - eventMs;
  if (ageMs < 0 || ageMs > ctx.maxAgeMs) {
    return;
  }
  const decayed = points * Math.exp(-ctx.decayPerDay * ageMs / MS_PER_DAY);
  ctx.sums[category === "activity" ? 0 : category === "campaign" ? 1 : 2] += decayed;
  let bucket;
  for (const b of ctx.buckets) {
    if (b.id === id) {
      bucket = b;
      break;
    }
  }
  if (!bucket) {
    bucket = {
      id,
      label,
      category,
      points: 0,
      count: 0,
      latestMs: eventMs,
      latestDate: eventDate,
      what
    };
    ctx.buckets.push(bucket);
  }
  bucket.points += decayed;
  bucket.count += 1;
  if (eventMs > bucket.latestMs) {
    bucket.latestMs = eventMs;
    bucket.latestDate = eventDate;
    bucket.what = what;
  }
}
function engagementFactors(c, input, lead, nowMs, out) {
  const eng = c.model.engagement;
  const maxAgeMs = eng.maxAgeDays === null ? Infinity : eng.maxAgeDays * MS_PER_DAY;
  const ctx = {
    nowMs,
    maxAgeMs,
    decayPerDay: c.decayPerDay,
    buckets: [],
    sums: [0, 0, 0]
  };
  const activities = Array.isArray(input.activities) ? input.activities : [];
  for (const a of activities) {
    if (!a || typeof a !== "object") {
      continue;
    }
    const status = normalizeValue(a.status);
    if (a.kind !== "Event" && status !== "" && status !== "completed") {
      continue;
    }
    const subjectWords = normalizeWords(a.subject);
    const type = normalizeValue(a.type);
    for (const r of c.activities) {
      if (r.rule.kind && r.rule.kind !== a.kind) {
        continue;
      }
      if (r.types && !r.types.has(type)) {
        continue;
      }
      if (r.subject && !containsAny(subjectWords, r.subject)) {
        continue;
      }
      addEventTo(
        ctx,
        "activity",
        r.rule.id,
        r.rule.label,
        r.rule.points,
        Number.isFinite(epochOf(a.activityDate)) ? a.activityDate : a.createdDate,
        text2(a.subject).trim() || r.rule.label
      );
      break;
    }
  }
  const members = Array.isArray(input.campaignMembers) ? input.campaignMembers : [];
  for (const m of members) {
    if (!m || typeof m !== "object") {
      continue;
    }
    const name = text2(input.campaignNames?.[text2(m.campaignId)]) || "a campaign";
    if (m.hasResponded === true) {
      addEventTo(
        ctx,
        "campaign",
        "campaign-response",
        "Campaign response",
        eng.campaign.respondedPoints,
        Number.isFinite(epochOf(m.firstRespondedDate)) ? m.firstRespondedDate : m.createdDate,
        name
      );
    } else {
      addEventTo(
        ctx,
        "campaign",
        "campaign-member",
        "Campaign member",
        eng.campaign.memberPoints,
        m.createdDate,
        name
      );
    }
  }
  const source = normalizeValue(lead.leadSource);
  if (source) {
    for (const r of c.sources) {
      if (r.values.has(source)) {
        addEventTo(
          ctx,
          "source",
          r.rule.id,
          r.rule.label,
          r.rule.points,
          lead.createdDate,
          text2(lead.leadSource).trim()
        );
        break;
      }
    }
  }
  for (const b of ctx.buckets) {
    const points = round1(b.points);
    if (points !== 0) {
      out.push({
        id: b.id,
        dimension: "engagement",
        label: b.label,
        points,
        text: "",
        bucket: b
      });
    }
  }
  let total = 0;
  for (let i = 0; i < ENGAGEMENT_CATEGORIES.length; i++) {
    const category = ENGAGEMENT_CATEGORIES[i];
    const cap = eng.caps[category];
    let value = ctx.sums[i];
    if (value > cap) {
      const cut = round1(cap - value);
      if (cut !== 0) {
        out.push({
          id: `cap-${category}`,
          dimension: "engagement",
          label: `${category} cap`,
          points: cut,
          text: `${category[0].toUpperCase()}${category.slice(1)} points are capped at ${cap}: ${signed(cut)} engagement.`
        });
      }
      value = cap;
    }
    total += value;
  }
  return total < 0 ? 0 : total;
}

// core/src/scoring/fitFactors.ts
var EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
function addFit(acc, id, label, points, sentence) {
  if (points !== 0 && Number.isFinite(points)) {
    acc.total += points;
    acc.out.push({ id, dimension: "fit", label, points, text: sentence });
  }
}
function fitFactors(c, lead, out) {
  const fit = c.model.fit;
  const acc = { total: 0, out };
  const title = text2(lead.title);
  const titleWords = normalizeWords(title);
  if (titleWords) {
    for (const t of c.title) {
      if (containsAny(titleWords, t.keys)) {
        addFit(
          acc,
          t.rule.id,
          t.rule.label,
          t.rule.points,
          `Title "${title.trim()}" counts as ${t.rule.label}: ${signed(t.rule.points)} fit.`
        );
        break;
      }
    }
  }
  const industry = normalizeValue(lead.industry);
  if (industry) {
    for (const r of c.industry) {
      if (r.values.has(industry)) {
        addFit(
          acc,
          r.rule.id,
          r.rule.label,
          r.rule.points,
          `Industry ${text2(lead.industry).trim()} is a ${r.rule.label}: ${signed(r.rule.points)} fit.`
        );
        break;
      }
    }
  }
  const employees = finiteNumber(lead.numberOfEmployees);
  if (employees !== null) {
    for (const band of c.size) {
      if (employees >= band.min && (band.max === null || employees < band.max)) {
        addFit(
          acc,
          band.id,
          band.label,
          band.points,
          `${band.label} (${employees} employees): ${signed(band.points)} fit.`
        );
        break;
      }
    }
  }
  const country = normalizeValue(lead.country);
  if (country) {
    for (const r of c.country) {
      if (r.values.has(country)) {
        addFit(
          acc,
          r.rule.id,
          r.rule.label,
          r.rule.points,
          `${text2(lead.country).trim()} is a ${r.rule.label}: ${signed(r.rule.points)} fit.`
        );
        break;
      }
    }
  }
  const email = normalizeValue(lead.email);
  let domain = "";
  if (email) {
    const at = email.lastIndexOf("@");
    domain = at >= 0 ? email.slice(at + 1) : "";
    const local = at >= 0 ? email.slice(0, at) : email;
    const junk = !EMAIL_SHAPE.test(email) || containsAny(wordsOf(local), c.junk) || containsAny(normalizeWords(domain), c.junk);
    if (junk) {
      addFit(
        acc,
        "email-junk",
        "Junk email",
        fit.email.junkPoints,
        `Email ${email} looks fake or malformed: ${signed(fit.email.junkPoints)} fit.`
      );
    } else if (c.freeMail.has(domain)) {
      addFit(
        acc,
        "email-free",
        "Free-mail address",
        fit.email.freeMailPoints,
        `Email uses the free-mail domain ${domain}: ${signed(fit.email.freeMailPoints)} fit.`
      );
    } else {
      addFit(
        acc,
        "email-business",
        "Business email",
        fit.email.businessPoints,
        `Email uses the company domain ${domain}: ${signed(fit.email.businessPoints)} fit.`
      );
    }
  }
  const completeness = fit.completeness;
  let filled = 0;
  for (const field of completeness.fields) {
    if (isFilled(lead[field])) {
      filled += 1;
    }
  }
  const completenessPoints = filled * completeness.pointsPerField;
  addFit(
    acc,
    "completeness",
    "Complete record",
    completenessPoints,
    `${filled} of ${completeness.fields.length} key fields are filled in: ${signed(completenessPoints)} fit.`
  );
  for (const n of c.negative) {
    let hit = false;
    if (n.rule.target === "emailDomain") {
      hit = domain !== "" && n.keys.some((k) => domain === k || domain.endsWith(`.${k}`));
    } else {
      hit = containsAny(normalizeWords(lead[n.rule.target]), n.keys);
    }
    if (hit) {
      const what = n.rule.target === "emailDomain" ? `email domain ${domain}` : `${n.rule.target} "${text2(lead[n.rule.target]).trim()}"`;
      addFit(
        acc,
        n.rule.id,
        n.rule.label,
        n.rule.points,
        `${n.rule.label} (${what}): ${signed(n.rule.points)} fit.`
      );
    }
  }
  return acc.total;
}

// core/src/scoring/tiers.ts
function gradeFor(fitPoints, grades) {
  if (fitPoints >= grades.A) {
    return "A";
  }
  if (fitPoints >= grades.B) {
    return "B";
  }
  if (fitPoints >= grades.C) {
    return "C";
  }
  return "D";
}
function bandFor(engagement, bands) {
  for (const b of bands) {
    if (engagement >= b.min && (b.max === null || engagement < b.max)) {
      return b.band;
    }
  }
  let lowest = "None";
  let lowestMin = Infinity;
  for (const b of bands) {
    if (b.min < lowestMin) {
      lowestMin = b.min;
      lowest = b.band;
    }
  }
  return lowest;
}

// core/src/scoring/score.ts
function clamp(n, lo, hi) {
  return n < lo ? lo : n > hi ? hi : n;
}
function scoreLead(input, model, now) {
  const c = compile(model);
  const safeInput = input && typeof input === "object" ? input : { lead: {}, activities: [], campaignMembers: [] };
  const lead = safeInput.lead && typeof safeInput.lead === "object" ? safeInput.lead : {};
  const nowMs = now instanceof Date && Number.isFinite(now.getTime()) ? now.getTime() : 0;
  const factors = [];
  const fitPoints = round1(fitFactors(c, lead, factors));
  const engagement = round1(engagementFactors(c, safeInput, lead, nowMs, factors));
  const fitGrade = gradeFor(fitPoints, model.grades);
  const engagementBand = bandFor(engagement, model.bands);
  const tier = model.matrix[fitGrade]?.[engagementBand] ?? "Cold";
  const salesReady = model.salesReadyTiers.includes(tier);
  const wf = model.scoreWeights.fit;
  const we = model.scoreWeights.engagement;
  const weights = wf + we;
  const blended = weights > 0 ? (clamp(fitPoints, 0, 100) * wf + clamp(engagement, 0, 100) * we) / weights : 0;
  const score = Number.isFinite(blended) ? Math.round(blended) : 0;
  factors.sort(byStrength);
  const keep = Math.min(factors.length, Math.max(0, model.maxReasons));
  const reasons = new Array(keep);
  for (let i = 0; i < keep; i++) {
    const f = factors[i];
    const points = round1(f.points);
    reasons[i] = {
      dimension: f.dimension,
      id: f.id,
      label: f.label,
      points,
      text: f.bucket ? bucketText(f.bucket, points) : f.text
    };
  }
  return {
    score,
    fitGrade,
    fitPoints,
    engagement,
    engagementBand,
    tier,
    salesReady,
    reasons,
    summary: summaryFor(tier, fitGrade, engagementBand, salesReady, reasons)
  };
}

// core/src/scoring/changes.ts
function storedNumber(value, decimals) {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) {
    return null;
  }
  const f = 10 ** decimals;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
function canonical(value) {
  if (Array.isArray(value)) {
    return value.map(canonical);
  }
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = canonical(value[key]);
    }
    return out;
  }
  return value;
}
function serializeReasons(reasons) {
  return JSON.stringify(
    reasons.map((r) => ({
      dimension: r.dimension,
      id: r.id,
      label: r.label,
      points: r.points,
      text: r.text
    }))
  );
}
function parseReasons(stored) {
  if (typeof stored !== "string" || !stored.trim()) {
    return [];
  }
  try {
    const parsed = JSON.parse(stored);
    if (!Array.isArray(parsed)) {
      return [];
    }
    return parsed.filter((r) => !!r && typeof r === "object").map((r) => ({
      id: typeof r.id === "string" ? r.id : "",
      dimension: r.dimension === "engagement" ? "engagement" : "fit",
      label: typeof r.label === "string" ? r.label : "",
      points: typeof r.points === "number" && Number.isFinite(r.points) ? r.points : 0,
      text: typeof r.text === "string" ? r.text : ""
    }));
  } catch {
    return [];
  }
}
function sameReasons(stored, next) {
  if (typeof stored !== "string" || !stored.trim()) {
    return false;
  }
  if (stored === next) {
    return true;
  }
  try {
    return JSON.stringify(canonical(JSON.parse(stored))) === next;
  } catch {
    return false;
  }
}
function scoreFieldChanges(lead, result, modelVersion, now) {
  const reasons = serializeReasons(result.reasons);
  const score = storedNumber(result.score, 0) ?? 0;
  const engagement = storedNumber(result.engagement, 1) ?? 0;
  const oldScore = storedNumber(lead.score, 0);
  const oldEngagement = storedNumber(lead.engagement, 1);
  const oldVersion = storedNumber(lead.modelVersion, 0);
  const scoreChanged = oldScore !== score;
  const tierChanged = (lead.tier ?? null) !== result.tier;
  const changed = scoreChanged || tierChanged || oldEngagement !== engagement || (lead.fitGrade ?? null) !== result.fitGrade || (lead.salesReady ?? null) !== result.salesReady || (lead.scoreSummary ?? null) !== result.summary || oldVersion !== modelVersion || !sameReasons(lead.scoreReasons, reasons);
  if (!changed) {
    return null;
  }
  const out = {
    id: lead.id,
    score,
    fitGrade: result.fitGrade,
    engagement,
    tier: result.tier,
    salesReady: result.salesReady,
    scoreReasons: reasons,
    scoreSummary: result.summary,
    scoredAt: now.toISOString(),
    modelVersion
  };
  if (scoreChanged && oldScore !== null) {
    out.previousScore = oldScore;
  }
  if (tierChanged && lead.tier && TIERS.includes(lead.tier)) {
    out.previousTier = lead.tier;
  }
  return out;
}

// core/src/scoring/modelChecker.ts
var POINTS_LIMIT = 100;
var MAX_HALF_LIFE_DAYS = 3650;
function describe(value) {
  if (value === void 0) {
    return "nothing";
  }
  if (typeof value === "string") {
    return `"${value.length > 40 ? `${value.slice(0, 40)}\u2026` : value}"`;
  }
  try {
    const json = JSON.stringify(value);
    return json === void 0 ? String(value) : json.length > 40 ? `${json.slice(0, 40)}\u2026` : json;
  } catch {
    return String(value);
  }
}
var Checker = class {
  constructor() {
    __publicField(this, "errors", []);
  }
  fail(path, check, message) {
    this.errors.push({ path, check, message });
  }
  /** An object with exactly the allowed keys (required ones present). */
  object(value, path, what, required, optional = []) {
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      this.fail(
        path,
        "not-an-object",
        `${what} (${path || "definition"}) must be an object, got ${describe(value)}.`
      );
      return null;
    }
    const obj = value;
    const allowed = /* @__PURE__ */ new Set([...required, ...optional]);
    for (const key of Object.keys(obj)) {
      if (!allowed.has(key)) {
        this.fail(
          join(path, key),
          "unknown-field",
          `${what} (${path || "definition"}) has an unknown field "${key}"; allowed: ${[...allowed].join(", ")}.`
        );
      }
    }
    for (const key of required) {
      if (obj[key] === void 0) {
        this.fail(
          join(path, key),
          "missing-field",
          `${what} (${path || "definition"}) is missing "${key}".`
        );
      }
    }
    return obj;
  }
  number(value, path, what, min, max, integer = false) {
    if (value === void 0) {
      return null;
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max || integer && !Number.isInteger(value)) {
      this.fail(
        path,
        "bad-number",
        `${what}: must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, got ${describe(value)}.`
      );
      return null;
    }
    return value;
  }
  text(value, path, what) {
    if (value === void 0) {
      return null;
    }
    if (typeof value !== "string" || !value.trim()) {
      this.fail(path, "bad-text", `${what}: must be non-empty text, got ${describe(value)}.`);
      return null;
    }
    return value;
  }
  textList(value, path, what, allowEmpty = false) {
    if (value === void 0) {
      return null;
    }
    if (!Array.isArray(value) || !allowEmpty && value.length === 0 || value.some((v) => typeof v !== "string" || !v.trim())) {
      this.fail(
        path,
        "bad-list",
        `${what}: must be a ${allowEmpty ? "" : "non-empty "}list of non-empty texts, got ${describe(value)}.`
      );
      return null;
    }
    return value;
  }
  list(value, path, what) {
    if (value === void 0) {
      return [];
    }
    if (!Array.isArray(value)) {
      this.fail(
        path,
        "bad-list",
        `${what} (${path}) must be a list, got ${describe(value)}.`
      );
      return [];
    }
    return value;
  }
  oneOf(value, path, what, allowed) {
    if (value === void 0) {
      return null;
    }
    if (typeof value !== "string" || !allowed.includes(value)) {
      this.fail(
        path,
        "bad-value",
        `${what}: must be one of ${allowed.join(", ")}, got ${describe(value)}.`
      );
      return null;
    }
    return value;
  }
};
function join(path, key) {
  return typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}
function ruleName(rule, kind, path) {
  const label = typeof rule.label === "string" && rule.label.trim() ? ` "${rule.label}"` : "";
  return `${kind}${label} (${path})`;
}
function checkRules(c, value, path, kind, fields, each, ids) {
  c.list(value, path, `${kind} rules`).forEach((raw, i) => {
    const rulePath = join(path, i);
    const rule = c.object(raw, rulePath, `${kind} rule`, fields.required, fields.optional);
    if (!rule) {
      return;
    }
    const name = ruleName(rule, kind, rulePath);
    const id = c.text(rule.id, join(rulePath, "id"), `${name} id`);
    if (id) {
      const seen = ids.get(id);
      if (seen) {
        c.fail(
          join(rulePath, "id"),
          "duplicate-id",
          `${name}: id "${id}" is already used by ${seen}; ids must be unique.`
        );
      } else {
        ids.set(id, rulePath);
      }
    }
    c.text(rule.label, join(rulePath, "label"), `${name} label`);
    each(rule, rulePath, name);
  });
}
function checkPoints(c, rule, rulePath, name, max = POINTS_LIMIT, min = -POINTS_LIMIT) {
  c.number(rule.points, join(rulePath, "points"), `${name} points`, min, max);
}
function checkRanges(c, ranges, path, what, mustCover) {
  for (const r of ranges) {
    if (r.max !== null && r.max <= r.min) {
      c.fail(
        join(r.path, "max"),
        "bad-number",
        `${r.name}: max (${r.max}) must be greater than min (${r.min}).`
      );
      return;
    }
  }
  const sorted = [...ranges].sort((a, b) => a.min - b.min);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev.max === null || prev.max > cur.min) {
      c.fail(
        cur.path,
        "overlapping-ranges",
        `${what}: ${cur.name} overlaps ${prev.name} (${prev.min} to ${prev.max ?? "\u221E"} and ${cur.min} to ${cur.max ?? "\u221E"}).`
      );
    } else if (mustCover && prev.max < cur.min) {
      c.fail(
        cur.path,
        "band-gap",
        `${what}: nothing covers ${prev.max} to ${cur.min} between ${prev.name} and ${cur.name}.`
      );
    }
  }
  if (mustCover && sorted.length) {
    if (sorted[0].min > 0) {
      c.fail(
        path,
        "band-gap",
        `${what}: nothing covers 0 to ${sorted[0].min}; the lowest band must start at 0.`
      );
    }
    const last = sorted[sorted.length - 1];
    if (last.max !== null) {
      c.fail(
        path,
        "band-gap",
        `${what}: nothing covers ${last.max} and above; the highest band needs max null.`
      );
    }
  }
}

// core/src/scoring/validateEngagement.ts
function checkEngagement(c, value, ids) {
  const eng = c.object(value, "engagement", "Engagement criteria", [
    "halfLifeDays",
    "maxAgeDays",
    "activities",
    "campaign",
    "leadSource",
    "caps"
  ]);
  if (eng) {
    c.number(
      eng.halfLifeDays,
      "engagement.halfLifeDays",
      "Engagement half-life (days)",
      1,
      MAX_HALF_LIFE_DAYS
    );
    if (eng.maxAgeDays !== null) {
      c.number(
        eng.maxAgeDays,
        "engagement.maxAgeDays",
        "Engagement max age (days, null for no limit)",
        1,
        MAX_HALF_LIFE_DAYS * 3
      );
    }
    checkRules(
      c,
      eng.activities,
      "engagement.activities",
      "Activity rule",
      { required: ["id", "label", "points"], optional: ["kind", "types", "subjectKeywords"] },
      (rule, p, name) => {
        c.oneOf(rule.kind, join(p, "kind"), `${name} kind`, ["Task", "Event"]);
        c.textList(rule.types, join(p, "types"), `${name} types`, true);
        c.textList(
          rule.subjectKeywords,
          join(p, "subjectKeywords"),
          `${name} subject keywords`,
          true
        );
        checkPoints(c, rule, p, name, POINTS_LIMIT, 0);
      },
      ids
    );
    const campaign = c.object(eng.campaign, "engagement.campaign", "Campaign rule", [
      "respondedPoints",
      "memberPoints"
    ]);
    if (campaign) {
      c.number(
        campaign.respondedPoints,
        "engagement.campaign.respondedPoints",
        'Campaign rule "responded" points',
        0,
        POINTS_LIMIT
      );
      c.number(
        campaign.memberPoints,
        "engagement.campaign.memberPoints",
        'Campaign rule "member" points',
        0,
        POINTS_LIMIT
      );
    }
    checkRules(
      c,
      eng.leadSource,
      "engagement.leadSource",
      "Lead source rule",
      { required: ["id", "label", "values", "points"] },
      (rule, p, name) => {
        c.textList(rule.values, join(p, "values"), `${name} values`);
        checkPoints(c, rule, p, name, POINTS_LIMIT, 0);
      },
      ids
    );
    const caps = c.object(
      eng.caps,
      "engagement.caps",
      "Engagement caps",
      ENGAGEMENT_CATEGORIES
    );
    if (caps) {
      for (const cat of ENGAGEMENT_CATEGORIES) {
        c.number(caps[cat], `engagement.caps.${cat}`, `Engagement cap "${cat}"`, 0, 1e3);
      }
    }
  }
}

// core/src/scoring/validateFit.ts
function checkFit(c, value, ids) {
  const fit = c.object(value, "fit", "Fit criteria", [
    "title",
    "industry",
    "companySize",
    "country",
    "email",
    "completeness",
    "negative"
  ]);
  if (fit) {
    checkRules(
      c,
      fit.title,
      "fit.title",
      "Title rule",
      { required: ["id", "label", "keywords", "points"] },
      (rule, p, name) => {
        c.textList(rule.keywords, join(p, "keywords"), `${name} keywords`);
        checkPoints(c, rule, p, name);
      },
      ids
    );
    for (const key of ["industry", "country"]) {
      const kind = key === "industry" ? "Industry rule" : "Country rule";
      checkRules(
        c,
        fit[key],
        `fit.${key}`,
        kind,
        { required: ["id", "label", "values", "points"] },
        (rule, p, name) => {
          c.textList(rule.values, join(p, "values"), `${name} values`);
          checkPoints(c, rule, p, name);
        },
        ids
      );
    }
    const sizes = [];
    checkRules(
      c,
      fit.companySize,
      "fit.companySize",
      "Company size band",
      { required: ["id", "label", "min", "max", "points"] },
      (rule, p, name) => {
        const min = c.number(rule.min, join(p, "min"), `${name} min`, 0, 1e7, true);
        const max = rule.max === null ? null : c.number(
          rule.max,
          join(p, "max"),
          `${name} max (null for no limit)`,
          1,
          1e7,
          true
        );
        checkPoints(c, rule, p, name);
        if (min !== null && (max !== null || rule.max === null)) {
          sizes.push({ min, max, path: p, name });
        }
      },
      ids
    );
    checkRanges(c, sizes, "fit.companySize", "Company size bands", false);
    const email = c.object(fit.email, "fit.email", "Email criteria", [
      "businessPoints",
      "freeMailDomains",
      "freeMailPoints",
      "junkKeywords",
      "junkPoints"
    ]);
    if (email) {
      c.number(
        email.businessPoints,
        "fit.email.businessPoints",
        'Email rule "business email" points',
        -POINTS_LIMIT,
        POINTS_LIMIT
      );
      c.textList(
        email.freeMailDomains,
        "fit.email.freeMailDomains",
        'Email rule "free-mail domains"',
        true
      );
      c.number(
        email.freeMailPoints,
        "fit.email.freeMailPoints",
        'Email rule "free-mail penalty" points (0 or less)',
        -POINTS_LIMIT,
        0
      );
      c.textList(
        email.junkKeywords,
        "fit.email.junkKeywords",
        'Email rule "junk keywords"',
        true
      );
      c.number(
        email.junkPoints,
        "fit.email.junkPoints",
        'Email rule "junk penalty" points (0 or less)',
        -POINTS_LIMIT,
        0
      );
    }
    const completeness = c.object(fit.completeness, "fit.completeness", "Completeness rule", [
      "fields",
      "pointsPerField"
    ]);
    if (completeness) {
      const fields = c.list(
        completeness.fields,
        "fit.completeness.fields",
        "Completeness rule fields"
      );
      fields.forEach(
        (f, i) => c.oneOf(f, `fit.completeness.fields[${i}]`, "Completeness rule field", FIT_FIELDS)
      );
      c.number(
        completeness.pointsPerField,
        "fit.completeness.pointsPerField",
        "Completeness rule points per field",
        0,
        20
      );
    }
    checkRules(
      c,
      fit.negative,
      "fit.negative",
      "Negative rule",
      { required: ["id", "label", "target", "keywords", "points"] },
      (rule, p, name) => {
        c.oneOf(rule.target, join(p, "target"), `${name} target`, NEGATIVE_TARGETS);
        c.textList(rule.keywords, join(p, "keywords"), `${name} keywords`);
        checkPoints(c, rule, p, `${name} (0 or less)`, 0);
      },
      ids
    );
  }
}

// core/src/scoring/validateTiering.ts
var TIER_RANK = { Hot: 3, Warm: 2, Cool: 1, Cold: 0 };
function checkGrades(c, value) {
  const grades = c.object(value, "grades", "Grade thresholds", ["A", "B", "C"]);
  if (grades) {
    const a = c.number(grades.A, "grades.A", "Grade A minimum fit points", -1e3, 1e3);
    const b = c.number(grades.B, "grades.B", "Grade B minimum fit points", -1e3, 1e3);
    const cc = c.number(grades.C, "grades.C", "Grade C minimum fit points", -1e3, 1e3);
    if (a !== null && b !== null && a <= b) {
      c.fail("grades.B", "grade-order", `Grade thresholds: B (${b}) must be below A (${a}).`);
    }
    if (b !== null && cc !== null && b <= cc) {
      c.fail(
        "grades.C",
        "grade-order",
        `Grade thresholds: C (${cc}) must be below B (${b}).`
      );
    }
  }
}
function checkBands(c, value) {
  const bandRanges = [];
  const seenBands = /* @__PURE__ */ new Set();
  c.list(value, "bands", "Engagement bands").forEach((raw, i) => {
    const p = `bands[${i}]`;
    const band = c.object(raw, p, "Engagement band", ["band", "min", "max"]);
    if (!band) {
      return;
    }
    const name = c.oneOf(
      band.band,
      join(p, "band"),
      `Engagement band (${p}) name`,
      ENGAGEMENT_BANDS
    );
    const label = `band "${name ?? describe(band.band)}"`;
    if (name) {
      if (seenBands.has(name)) {
        c.fail(
          join(p, "band"),
          "duplicate-id",
          `Engagement bands: ${label} appears twice.`
        );
      }
      seenBands.add(name);
    }
    const min = c.number(band.min, join(p, "min"), `Engagement ${label} min`, 0, 1e4);
    const max = band.max === null ? null : c.number(
      band.max,
      join(p, "max"),
      `Engagement ${label} max (null for no limit)`,
      0,
      1e4
    );
    if (min !== null && (max !== null || band.max === null)) {
      bandRanges.push({ min, max, path: p, name: label });
    }
  });
  if (Array.isArray(value)) {
    for (const b of ENGAGEMENT_BANDS) {
      if (!seenBands.has(b) && value.length) {
        c.fail(
          "bands",
          "missing-field",
          `Engagement bands: band "${b}" is missing; every band ${ENGAGEMENT_BANDS.join(", ")} needs a range.`
        );
      }
    }
    checkRanges(c, bandRanges, "bands", "Engagement bands", true);
    const minOf = new Map(bandRanges.map((r) => [r.name, r.min]));
    for (let i = 1; i < ENGAGEMENT_BANDS.length; i++) {
      const hi = minOf.get(`band "${ENGAGEMENT_BANDS[i - 1]}"`);
      const lo = minOf.get(`band "${ENGAGEMENT_BANDS[i]}"`);
      if (hi !== void 0 && lo !== void 0 && hi <= lo) {
        c.fail(
          "bands",
          "impossible-matrix",
          `Engagement bands: "${ENGAGEMENT_BANDS[i - 1]}" must start above "${ENGAGEMENT_BANDS[i]}".`
        );
      }
    }
  }
}
function checkMatrix(c, value) {
  const matrix = c.object(value, "matrix", "Tier matrix", FIT_GRADES);
  if (matrix) {
    for (const g of FIT_GRADES) {
      const row = c.object(
        matrix[g],
        `matrix.${g}`,
        `Tier matrix row ${g}`,
        ENGAGEMENT_BANDS
      );
      if (!row) {
        continue;
      }
      for (const b of ENGAGEMENT_BANDS) {
        c.oneOf(row[b], `matrix.${g}.${b}`, `Tier matrix ${g} \xD7 ${b}`, TIERS);
      }
    }
    const tierAt = (g, b) => {
      const v = matrix[g]?.[b];
      return typeof v === "string" && TIERS.includes(v) ? v : null;
    };
    for (let gi = 0; gi < FIT_GRADES.length; gi++) {
      for (let bi = 0; bi < ENGAGEMENT_BANDS.length; bi++) {
        const here = tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi]);
        const worseGrade = gi + 1 < FIT_GRADES.length ? tierAt(FIT_GRADES[gi + 1], ENGAGEMENT_BANDS[bi]) : null;
        const lowerBand = bi + 1 < ENGAGEMENT_BANDS.length ? tierAt(FIT_GRADES[gi], ENGAGEMENT_BANDS[bi + 1]) : null;
        if (here && worseGrade && TIER_RANK[worseGrade] > TIER_RANK[here]) {
          c.fail(
            `matrix.${FIT_GRADES[gi + 1]}.${ENGAGEMENT_BANDS[bi]}`,
            "impossible-matrix",
            `Tier matrix: grade ${FIT_GRADES[gi + 1]} \xD7 ${ENGAGEMENT_BANDS[bi]} is ${worseGrade} but the better grade ${FIT_GRADES[gi]} \xD7 ${ENGAGEMENT_BANDS[bi]} is only ${here}; a better grade must never give a colder tier.`
          );
        }
        if (here && lowerBand && TIER_RANK[lowerBand] > TIER_RANK[here]) {
          c.fail(
            `matrix.${FIT_GRADES[gi]}.${ENGAGEMENT_BANDS[bi + 1]}`,
            "impossible-matrix",
            `Tier matrix: ${FIT_GRADES[gi]} \xD7 ${ENGAGEMENT_BANDS[bi + 1]} is ${lowerBand} but the higher band ${FIT_GRADES[gi]} \xD7 ${ENGAGEMENT_BANDS[bi]} is only ${here}; more engagement must never give a colder tier.`
          );
        }
      }
    }
  }
  return matrix;
}
function checkSalesReady(c, value, matrix) {
  const ready = c.list(value, "salesReadyTiers", "Sales-ready tiers");
  ready.forEach((t, i) => c.oneOf(t, `salesReadyTiers[${i}]`, "Sales-ready tier", TIERS));
  if (matrix && ready.length) {
    const reachable = new Set(
      FIT_GRADES.flatMap(
        (g) => ENGAGEMENT_BANDS.map((b) => matrix[g]?.[b])
      )
    );
    if (!ready.some((t) => reachable.has(t))) {
      c.fail(
        "salesReadyTiers",
        "impossible-matrix",
        `Sales-ready tiers: no cell of the tier matrix gives ${ready.map(String).join(" or ")}, so no lead could ever be sales-ready.`
      );
    }
  }
}

// core/src/scoring/validate.ts
function validateScoringModel(def) {
  const c = new Checker();
  const root = c.object(
    def,
    "",
    "The model",
    [
      "name",
      "fit",
      "engagement",
      "grades",
      "bands",
      "matrix",
      "salesReadyTiers",
      "scoreWeights",
      "maxReasons"
    ],
    ["description"]
  );
  if (!root) {
    return { ok: false, errors: c.errors };
  }
  c.text(root.name, "name", "Model name");
  if (root.description !== void 0 && typeof root.description !== "string") {
    c.fail(
      "description",
      "bad-text",
      `Model description: must be text, got ${describe(root.description)}.`
    );
  }
  const ids = /* @__PURE__ */ new Map();
  checkFit(c, root.fit, ids);
  checkEngagement(c, root.engagement, ids);
  checkGrades(c, root.grades);
  checkBands(c, root.bands);
  const matrix = checkMatrix(c, root.matrix);
  checkSalesReady(c, root.salesReadyTiers, matrix);
  const weights = c.object(root.scoreWeights, "scoreWeights", "Score weights", [
    "fit",
    "engagement"
  ]);
  if (weights) {
    const wf = c.number(weights.fit, "scoreWeights.fit", 'Score weight "fit"', 0, 100);
    const we = c.number(
      weights.engagement,
      "scoreWeights.engagement",
      'Score weight "engagement"',
      0,
      100
    );
    if (wf === 0 && we === 0) {
      c.fail(
        "scoreWeights",
        "bad-number",
        "Score weights: fit and engagement cannot both be 0."
      );
    }
  }
  c.number(root.maxReasons, "maxReasons", "Number of reasons kept", 1, 20, true);
  return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, errors: [], model: root };
}
function validateScoringModelJson(json) {
  if (typeof json !== "string" || !json.trim()) {
    return {
      ok: false,
      errors: [
        { path: "", check: "not-an-object", message: "The model definition is empty." }
      ]
    };
  }
  let parsed;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return {
      ok: false,
      errors: [
        {
          path: "",
          check: "not-an-object",
          message: `The model definition is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`
        }
      ]
    };
  }
  return validateScoringModel(parsed);
}

// core/src/scoring/versions.ts
var MODEL_STATUSES = ["Draft", "Active", "Retired"];
function get(record, apiName) {
  const flat4 = record.fields && typeof record.fields === "object" ? { Id: record.id, ...record.fields } : record;
  return fieldValue(flat4[apiName]);
}
function str(value) {
  return typeof value === "string" && value !== "" ? value : null;
}
function parseScoringModelRecord(record) {
  const f = SCORING_MODEL.fields;
  const r = record && typeof record === "object" ? record : {};
  const versionRaw = Number(get(r, f.version));
  const status = get(r, f.status);
  const definition = typeof get(r, f.definition) === "string" ? get(r, f.definition) : "";
  const validation = validateScoringModelJson(definition);
  return {
    id: str(get(r, f.id)),
    name: str(get(r, f.name)) ?? "",
    version: get(r, f.version) !== null && Number.isFinite(versionRaw) ? versionRaw : null,
    status: MODEL_STATUSES.includes(status) ? status : null,
    description: str(get(r, f.description)),
    activatedAt: str(get(r, f.activatedAt)),
    createdDate: str(get(r, f.createdDate)),
    definition,
    model: validation.ok ? validation.model ?? null : null,
    errors: validation.errors
  };
}
function nextModelVersion(versions) {
  let max = 0;
  for (const v of versions) {
    if (typeof v.version === "number" && Number.isFinite(v.version) && v.version > max) {
      max = v.version;
    }
  }
  return Math.floor(max) + 1;
}
function activeScoringModel(versions) {
  const active = versions.filter((v) => v.status === "Active" && v.model).sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
  if (active?.model) {
    return { model: active.model, version: active.version ?? 0, fromDefault: false };
  }
  return { model: DEFAULT_SCORING_MODEL, version: 0, fromDefault: true };
}
function checkModelVersions(versions) {
  const problems = [];
  const active = versions.filter((v) => v.status === "Active");
  if (active.length === 0) {
    problems.push("No scoring model version is Active; the built-in default model is used.");
  } else if (active.length > 1) {
    problems.push(
      `${active.length} scoring model versions are Active (${active.map((v) => `v${v.version}`).join(", ")}); exactly one must be. Activate one to retire the others.`
    );
  }
  const seen = /* @__PURE__ */ new Map();
  for (const v of versions) {
    if (v.version !== null) {
      seen.set(v.version, (seen.get(v.version) ?? 0) + 1);
    }
  }
  for (const [version, count2] of seen) {
    if (count2 > 1) {
      problems.push(
        `Version ${version} is used by ${count2} records; versions must be unique.`
      );
    }
  }
  for (const v of active) {
    if (!v.model) {
      problems.push(
        `Active version v${v.version} has an invalid definition: ${v.errors[0]?.message ?? "unknown error"}`
      );
    }
  }
  return problems;
}
function planActivation(versions, targetId, now) {
  const f = SCORING_MODEL.fields;
  const target = versions.find((v) => v.id === targetId);
  if (!target) {
    return { ok: false, errors: [`Scoring model ${targetId} was not found.`], updates: [] };
  }
  if (!target.model) {
    return {
      ok: false,
      errors: [
        `Version v${target.version} cannot be activated: fix its definition first.`,
        ...target.errors.map((e) => e.message)
      ],
      updates: []
    };
  }
  const updates = [];
  if (target.status !== "Active") {
    updates.push({
      [f.id]: target.id,
      [f.status]: "Active",
      [f.activatedAt]: now.toISOString()
    });
  }
  for (const v of versions) {
    if (v.status === "Active" && v.id !== target.id && v.id) {
      updates.push({ [f.id]: v.id, [f.status]: "Retired" });
    }
  }
  return { ok: true, errors: [], updates };
}
function newModelVersionRecord(model, versions, description) {
  const f = SCORING_MODEL.fields;
  const version = nextModelVersion(versions);
  return {
    [f.name]: `${model.name} v${version}`.slice(0, 80),
    [f.version]: version,
    [f.status]: "Draft",
    [f.definition]: JSON.stringify(model, null, 2),
    [f.description]: (description ?? model.description ?? "").slice(0, 255) || null
  };
}
function defaultModelRecord(now) {
  const f = SCORING_MODEL.fields;
  return {
    [f.name]: `${DEFAULT_SCORING_MODEL.name} v1`,
    [f.version]: 1,
    [f.status]: "Active",
    [f.definition]: JSON.stringify(DEFAULT_SCORING_MODEL, null, 2),
    [f.description]: DEFAULT_SCORING_MODEL.description?.slice(0, 255) ?? null,
    [f.activatedAt]: now ? now.toISOString() : null
  };
}

// core/src/scoring/preview.ts
function emptyPreview() {
  return {
    total: 0,
    byTier: Object.fromEntries(TIERS.map((t) => [t, 0])),
    byGrade: Object.fromEntries(FIT_GRADES.map((g) => [g, 0])),
    salesReady: 0,
    changedTier: 0,
    unscored: 0,
    transitions: {}
  };
}
function addToPreview(preview, inputs, model, now) {
  const next = {
    ...preview,
    byTier: { ...preview.byTier },
    byGrade: { ...preview.byGrade },
    transitions: { ...preview.transitions }
  };
  for (const input of inputs) {
    const result = scoreLead(input, model, now);
    const stored = input?.lead?.tier ?? null;
    next.total += 1;
    next.byTier[result.tier] += 1;
    next.byGrade[result.fitGrade] += 1;
    if (result.salesReady) {
      next.salesReady += 1;
    }
    if (!stored) {
      next.unscored += 1;
    }
    if (stored !== result.tier) {
      next.changedTier += 1;
      const key = `${stored ?? "none"}\u2192${result.tier}`;
      next.transitions[key] = (next.transitions[key] ?? 0) + 1;
    }
  }
  return next;
}
function previewScoringModel(inputs, model, now) {
  return addToPreview(emptyPreview(), inputs, model, now);
}
function previewSummary(preview) {
  if (preview.total === 0) {
    return "No leads to preview.";
  }
  const share = (n) => `${Math.round(n / preview.total * 100)}%`;
  const tiers = TIERS.map((t) => `${t} ${preview.byTier[t]} (${share(preview.byTier[t])})`).join(
    ", "
  );
  return `${preview.total} leads: ${tiers}. ${preview.changedTier} would change tier; ${preview.salesReady} sales-ready.`;
}
function groupScoringInputs(leads, activities, campaignMembers, campaignNames = {}) {
  const acts = /* @__PURE__ */ new Map();
  for (const a of activities) {
    if (a.whoId) {
      const list = acts.get(a.whoId) ?? [];
      list.push(a);
      acts.set(a.whoId, list);
    }
  }
  const members = /* @__PURE__ */ new Map();
  for (const m of campaignMembers) {
    if (m.leadId) {
      const list = members.get(m.leadId) ?? [];
      list.push(m);
      members.set(m.leadId, list);
    }
  }
  return leads.map(
    (lead) => ({
      lead,
      activities: acts.get(lead.id) ?? [],
      campaignMembers: members.get(lead.id) ?? [],
      campaignNames
    })
  );
}

// core/src/scoring/records.ts
function flat(record) {
  const fields = record.fields;
  if (fields && typeof fields === "object" && !Array.isArray(fields)) {
    return { Id: record.id, ...fields };
  }
  return record;
}
function str2(value) {
  const v = fieldValue(value);
  return typeof v === "string" && v !== "" ? v : null;
}
function activityFromRecord(record, kind) {
  const r = flat(record ?? {});
  const start = str2(r.StartDateTime);
  return {
    id: str2(r.Id) ?? "",
    kind,
    whoId: str2(r.WhoId),
    ownerId: str2(r.OwnerId) ?? "",
    subject: str2(r.Subject) ?? "",
    type: str2(r.Type),
    activityDate: str2(r.ActivityDate) ?? (start ? start.slice(0, 10) : null),
    status: kind === "Task" ? str2(r.Status) : null,
    createdDate: str2(r.CreatedDate) ?? ""
  };
}
function campaignMemberFromRecord(record) {
  const r = flat(record ?? {});
  const campaign = fieldValue(r.Campaign);
  const campaignFields = campaign && typeof campaign === "object" ? flat(campaign) : {};
  const responded = fieldValue(r.HasResponded);
  return {
    id: str2(r.Id) ?? "",
    campaignId: str2(r.CampaignId) ?? "",
    leadId: str2(r.LeadId),
    status: str2(r.Status) ?? "",
    hasResponded: responded === true || responded === "true",
    firstRespondedDate: str2(r.FirstRespondedDate),
    createdDate: str2(r.CreatedDate) ?? "",
    campaignName: str2(campaignFields.Name)
  };
}
function scoringInputsFromRecords(records) {
  const members = records.CampaignMember.map((r) => campaignMemberFromRecord(r));
  const campaignNames = {};
  for (const m of members) {
    if (m.campaignName) {
      campaignNames[m.campaignId] = m.campaignName;
    }
  }
  return groupScoringInputs(
    records.Lead.map((r) => leadFromRecord(r)),
    [
      ...records.Task.map((r) => activityFromRecord(r, "Task")),
      ...records.Event.map((r) => activityFromRecord(r, "Event"))
    ],
    members,
    campaignNames
  );
}

// core/src/scoring/form.ts
function keysOf(path) {
  return (typeof path === "string" ? path.split(".") : path.map(String)).filter((k) => k !== "");
}
function valueAt(object, path) {
  let o = object;
  for (const key of keysOf(path)) {
    if (o === null || typeof o !== "object") {
      return void 0;
    }
    o = o[key];
  }
  return o;
}
function withValueAt(object, path, value) {
  const keys = keysOf(path);
  const copy = JSON.parse(JSON.stringify(object ?? {}));
  if (!keys.length) {
    return copy;
  }
  const parent = valueAt(copy, keys.slice(0, -1));
  if (parent === null || typeof parent !== "object") {
    return object;
  }
  const last = keys[keys.length - 1];
  if (value === void 0) {
    if (Array.isArray(parent)) {
      parent.splice(Number(last), 1);
    } else {
      delete parent[last];
    }
  } else {
    parent[last] = JSON.parse(JSON.stringify(value));
  }
  return copy;
}
function parseNumberInput(raw, nullable) {
  if (raw === "" || raw === null || raw === void 0) {
    return nullable ? null : raw;
  }
  const n = Number(raw);
  return Number.isFinite(n) ? n : raw;
}
function parseListInput(raw) {
  return String(raw ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
function formValue(kind, raw) {
  switch (kind) {
    case "number":
      return parseNumberInput(raw, false);
    case "nullable-number":
      return parseNumberInput(raw, true);
    case "list":
      return parseListInput(raw);
    case "multi":
      return Array.isArray(raw) ? [...raw] : [];
    default:
      return raw;
  }
}
function errorsUnder(errors, prefix) {
  return (errors ?? []).filter(
    (e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`)
  ).map((e) => e.message).join(" ");
}
function ruleKeyOf(path) {
  const indexed = /^([A-Za-z.]+\[\d+\])/.exec(path);
  if (indexed) {
    return indexed[1];
  }
  return path.split(".").slice(0, 2).join(".") || "definition";
}
function groupErrorsByRule(definition, errors) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const error of errors) {
    const key = ruleKeyOf(error.path);
    let group = groups2.get(key);
    if (!group) {
      const rule = valueAt(definition, key.replace(/\[(\d+)\]/g, ".$1"));
      const ruleLabel = rule && typeof rule === "object" ? rule.label : void 0;
      group = {
        key,
        label: typeof ruleLabel === "string" ? `${ruleLabel} (${key})` : key,
        errors: []
      };
      groups2.set(key, group);
    }
    group.errors.push({
      key: `${error.path}|${error.check}|${error.message}`,
      message: error.message
    });
  }
  return [...groups2.values()];
}

// core/src/roundRobin.ts
function byNameThenId(a, b) {
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function assignRoundRobin(items, reps, cap) {
  const ordered = [...reps].sort(byNameThenId);
  const load = new Map(ordered.map((r) => [r.id, r.openLeads ?? 0]));
  let next = 0;
  return items.map((item) => {
    if (!ordered.length) {
      return { item, ok: false, message: "There is no active rep to assign it to." };
    }
    for (let step = 0; step < ordered.length; step++) {
      const rep = ordered[(next + step) % ordered.length];
      if (cap === null || load.get(rep.id) < cap) {
        load.set(rep.id, load.get(rep.id) + 1);
        next = (next + step + 1) % ordered.length;
        return { item, ok: true, rep };
      }
    }
    return {
      item,
      ok: false,
      message: `Every active rep already holds the cap of ${cap} open leads.`
    };
  });
}

// core/src/handback/reasons.ts
var HANDBACK_REASON_LABELS = {
  Not_Ready: "Not ready / timing",
  No_Budget: "No budget",
  No_Authority: "Not the decision maker",
  No_Response: "No response after several attempts",
  Bad_Fit: "Bad fit",
  Other: "Other"
};
var REASONS_NEEDING_NOTES = ["Other"];
function isHandbackReason(value) {
  return typeof value === "string" && HANDBACK_REASONS.includes(value);
}
function handbackReasonOptions(settings) {
  return HANDBACK_REASONS.map((value) => ({
    value,
    label: HANDBACK_REASON_LABELS[value],
    nurtureDays: settings.nurtureDays[value]
  }));
}
function handbackReasonLabel(reason) {
  return isHandbackReason(reason) ? HANDBACK_REASON_LABELS[reason] : reason ?? "";
}
function defaultNurtureUntil(reason, settings, now) {
  return addDays(now, settings.nurtureDays[reason]);
}

// core/src/handback/handBack.ts
var HANDBACK_NOTES_MAX_LENGTH = 32768;
var NURTURE_MAX_DAYS = 3650;
function handBackLeadFields() {
  return leadApiNames(HANDBACK_LEAD_KEYS).map((name) => `Lead.${name}`);
}
var NEEDED_TO_HAND_BACK = ["status", "ownerId", "isConverted", "handbackCount"];
var NEEDED_TO_UNDO = [
  "status",
  "ownerId",
  "isConverted",
  "handbackCount",
  "handedBackAt",
  "previousOwnerId",
  "previousStatus",
  "lastModifiedDate"
];
function missingFields(lead, keys) {
  const missing = keys.filter((key) => lead[key] === void 0);
  return missing.length ? [
    {
      field: "lead",
      message: `Lead Loop cannot read ${missing.map((k) => LEAD_FIELDS[k]).join(", ")} on this lead. Ask your admin for the Lead Loop User permission set.`
    }
  ] : [];
}
function sameId(a, b) {
  return Boolean(a && b) && a.slice(0, 15) === b.slice(0, 15);
}
function isInNurture(lead, settings, nurtureQueueId) {
  return lead.status === settings.nurturingStatus || sameId(lead.ownerId, nurtureQueueId);
}
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isIsoDate(value) {
  return typeof value === "string" && ISO_DATE.test(value) && !Number.isNaN(toEpochMs(value)) && new Date(toEpochMs(value)).toISOString().startsWith(value);
}
function leadErrors(lead, settings, nurtureQueueId) {
  const errors = [];
  if (lead.isConverted) {
    const when = lead.convertedDate ? ` on ${lead.convertedDate}` : "";
    errors.push({
      field: "lead",
      message: `This lead was converted${when}; a converted lead cannot be handed back to marketing.`
    });
  } else if (isInNurture(lead, settings, nurtureQueueId)) {
    const since = lead.handedBackAt ? ` since ${lead.handedBackAt.slice(0, 10)}` : "";
    errors.push({
      field: "lead",
      message: `This lead is already in nurture with marketing${since}; it cannot be handed back again until it returns to sales.`
    });
  }
  return errors;
}
function validateHandBack(lead, input, settings, now, nurtureQueueId) {
  const errors = [
    ...missingFields(lead, NEEDED_TO_HAND_BACK),
    ...leadErrors(lead, settings, nurtureQueueId)
  ];
  const reason = input.reason?.trim() ?? "";
  const notes = input.notes?.trim() ?? "";
  if (!reason) {
    errors.push({ field: "reason", message: "Choose why the lead goes back to marketing." });
  } else if (!isHandbackReason(reason)) {
    errors.push({
      field: "reason",
      message: `"${reason}" is not a hand-back reason; choose one from the list.`
    });
  } else if (REASONS_NEEDING_NOTES.includes(reason) && !notes) {
    errors.push({
      field: "notes",
      message: `Add notes: "${handbackReasonLabel(reason)}" needs a few words on why, for marketing.`
    });
  }
  if (notes.length > HANDBACK_NOTES_MAX_LENGTH) {
    errors.push({
      field: "notes",
      message: `Notes are ${notes.length} characters; the most is ${HANDBACK_NOTES_MAX_LENGTH}.`
    });
  }
  errors.push(...nurtureUntilErrors(input.nurtureUntil, now));
  return errors;
}
function nurtureUntilErrors(value, now) {
  const today = isoDate(now);
  if (!value) {
    return [{ field: "nurtureUntil", message: "Choose the date marketing nurtures until." }];
  }
  if (!isIsoDate(value)) {
    return [
      {
        field: "nurtureUntil",
        message: `"${value}" is not a date; use the date picker (YYYY-MM-DD).`
      }
    ];
  }
  if (value <= today) {
    return [
      {
        field: "nurtureUntil",
        message: `The nurture-until date must be after today (${today}).`
      }
    ];
  }
  const days = Math.round((toEpochMs(value) - toEpochMs(today)) / 864e5);
  if (days > NURTURE_MAX_DAYS) {
    return [
      {
        field: "nurtureUntil",
        message: `The nurture-until date is ${days} days away; the most is ${NURTURE_MAX_DAYS} (about ten years).`
      }
    ];
  }
  return [];
}
function completedTask(leadId, subject, description, now) {
  return {
    WhoId: leadId,
    Subject: subject.slice(0, 255),
    Status: "Completed",
    Priority: "Normal",
    ActivityDate: isoDate(now),
    Description: description
  };
}
function plan(lead, changes, task) {
  const all = { ...changes, id: lead.id };
  return {
    ok: true,
    changes: all,
    fields: leadToRecord(all),
    ifUnmodifiedSince: lead.lastModifiedDate ?? null,
    task
  };
}
function planHandBack(lead, input, settings, now, nurtureQueueId) {
  const errors = validateHandBack(lead, input, settings, now, nurtureQueueId);
  if (!nurtureQueueId) {
    errors.push({
      field: "lead",
      message: `The nurture queue "${settings.nurtureQueue}" was not found; ask your admin to check Lead Loop settings.`
    });
  }
  if (errors.length) {
    return { ok: false, errors };
  }
  const reason = input.reason.trim();
  const notes = input.notes?.trim() || null;
  const label = handbackReasonLabel(reason);
  const changes = {
    ownerId: nurtureQueueId,
    status: settings.nurturingStatus,
    previousOwnerId: lead.ownerId,
    previousStatus: lead.status,
    handedBackAt: now.toISOString(),
    handbackCount: (lead.handbackCount ?? 0) + 1,
    handbackReason: reason,
    handbackNotes: notes,
    nurtureUntil: input.nurtureUntil
  };
  const description = [
    `Reason: ${label}`,
    `Nurture until: ${input.nurtureUntil}`,
    notes ? `Notes: ${notes}` : null,
    `Previous status: ${lead.status}`
  ].filter(Boolean).join("\n");
  return plan(
    lead,
    changes,
    completedTask(lead.id, `Handed back to marketing: ${label}`, description, now)
  );
}
var UNDO_STAMP_TOLERANCE_MS = 2 * 6e4;
function planUndo(lead, lastHandBack, now) {
  const missing = missingFields(lead, NEEDED_TO_UNDO);
  if (missing.length) {
    return { allowed: false, reason: missing[0].message };
  }
  if (lead.isConverted) {
    return {
      allowed: false,
      reason: "The lead has been converted since; undo is not offered."
    };
  }
  const stamp = lastHandBack ?? (lead.handedBackAt ? { handedBackAt: lead.handedBackAt } : null);
  if (!stamp || !lead.handedBackAt || !lead.previousOwnerId || !lead.previousStatus) {
    return {
      allowed: false,
      reason: "This lead has no hand-back to undo (the owner and status before it are not recorded)."
    };
  }
  if (toEpochMs(stamp.handedBackAt) !== toEpochMs(lead.handedBackAt)) {
    return {
      allowed: false,
      reason: `The lead was handed back again on ${lead.handedBackAt.slice(0, 10)}; only the latest hand-back can be undone, from the record.`
    };
  }
  const modified = toEpochMs(lead.lastModifiedDate);
  const changedSince = stamp.lastModifiedDate ? modified !== toEpochMs(stamp.lastModifiedDate) : modified - toEpochMs(stamp.handedBackAt) > UNDO_STAMP_TOLERANCE_MS;
  if (changedSince) {
    return {
      allowed: false,
      reason: `The lead was changed on ${lead.lastModifiedDate} after the hand-back on ${lead.handedBackAt}; undo is offered only while nothing else has changed it. Change the owner and status by hand if it still needs to go back.`
    };
  }
  const changes = {
    ownerId: lead.previousOwnerId,
    status: lead.previousStatus,
    handbackCount: Math.max(0, (lead.handbackCount ?? 1) - 1),
    handbackReason: null,
    handbackNotes: null,
    nurtureUntil: null,
    handedBackAt: null,
    previousOwnerId: null,
    previousStatus: null
  };
  const description = `Undid the hand-back of ${lead.handedBackAt} (${handbackReasonLabel(lead.handbackReason)}); status back to ${lead.previousStatus}.`;
  return {
    allowed: true,
    ...plan(
      lead,
      changes,
      completedTask(lead.id, "Hand-back to marketing undone", description, now)
    )
  };
}
function isEditConflict(error) {
  if (!error || typeof error !== "object") {
    return false;
  }
  const e = error;
  if (e.status === 412 || e.statusCode === 412) {
    return true;
  }
  const body = Array.isArray(e.body) ? e.body : [e.body];
  return body.some(
    (b) => !!b && typeof b === "object" && ["PRECONDITION_FAILED", "CONFLICT"].includes(
      String(b.errorCode)
    )
  );
}

// core/src/handback/returns.ts
function readyToReturn(lead, settings, now, nurtureQueueId) {
  if (lead.isConverted) {
    return { ready: false, triggers: [], message: "Converted; nothing to return." };
  }
  if (!isInNurture(lead, settings, nurtureQueueId)) {
    return { ready: false, triggers: [], message: "Not in nurture." };
  }
  const triggers = [];
  const parts = [];
  const today = isoDate(now);
  if (lead.nurtureUntil && lead.nurtureUntil <= today) {
    triggers.push("nurtureDatePassed");
    const ago = daysBetween(lead.nurtureUntil, today);
    parts.push(
      ago === 0 ? `Nurture date ${lead.nurtureUntil} is today` : `Nurture date ${lead.nurtureUntil} passed ${ago} day${ago === 1 ? "" : "s"} ago`
    );
  }
  if (lead.tier === "Hot") {
    triggers.push("hotAgain");
    parts.push("scores Hot again");
  }
  if (triggers.length) {
    const text4 = parts.join("; ");
    return { ready: true, triggers, message: `${text4[0].toUpperCase()}${text4.slice(1)}.` };
  }
  const until = lead.nurtureUntil ? `In nurture until ${lead.nurtureUntil} (${daysBetween(today, lead.nurtureUntil)} days left)` : "In nurture with no nurture-until date";
  return {
    ready: false,
    triggers,
    message: `${until}; tier ${lead.tier ?? "not scored"}.`
  };
}
function planReturn(leads, users, settings, context) {
  const byId2 = (id) => users.find((u) => sameId(u.id, id));
  const openStatus = settings.openStatuses[0] ?? "Open - Not Contacted";
  const returnedAt = context.now.toISOString();
  const results = [];
  const toRule = [];
  const planned = (lead, to, status, explanation) => {
    const changes = {
      id: lead.id,
      ownerId: to.id,
      status,
      returnedAt,
      recycledCount: (lead.recycledCount ?? 0) + 1
    };
    return {
      leadId: lead.id,
      ok: true,
      to,
      explanation,
      changes,
      fields: leadToRecord(changes)
    };
  };
  for (const [index, lead] of leads.entries()) {
    if (lead.isConverted) {
      results[index] = {
        leadId: lead.id,
        ok: false,
        message: "Converted; nothing to return."
      };
      continue;
    }
    if (!isInNurture(lead, settings, context.nurtureQueueId)) {
      results[index] = {
        leadId: lead.id,
        ok: false,
        message: "Not in nurture; it is already with sales."
      };
      continue;
    }
    const previous = byId2(lead.previousOwnerId);
    if (previous?.isActive) {
      const status = lead.previousStatus && lead.previousStatus !== settings.nurturingStatus ? lead.previousStatus : openStatus;
      const item = planned(
        lead,
        { id: previous.id, name: previous.name, via: "previousOwner" },
        status,
        `Back to ${previous.name}, who handed it back.`
      );
      results[index] = item;
      continue;
    }
    const why = previous ? `${previous.name}, who handed it back, is no longer active` : lead.previousOwnerId ? `its previous owner (${lead.previousOwnerId}) is not a known user` : "its previous owner is not recorded";
    toRule.push({ index, lead, why });
  }
  if (settings.returnRule === "Queue") {
    for (const { index, lead, why } of toRule) {
      const queue = context.returnQueueId ? byId2(context.returnQueueId) : void 0;
      results[index] = context.returnQueueId ? planned(
        lead,
        {
          id: context.returnQueueId,
          name: queue?.name ?? settings.returnQueue,
          via: "queue"
        },
        openStatus,
        `To the queue ${queue?.name ?? settings.returnQueue}: ${why}.`
      ) : {
        leadId: lead.id,
        ok: false,
        message: `The return queue "${settings.returnQueue}" (${SETTINGS.fields.returnQueue}) was not found; ${why}.`
      };
    }
  } else {
    const extra = /* @__PURE__ */ new Map();
    for (const item of results) {
      if (item?.ok) extra.set(item.to.id, (extra.get(item.to.id) ?? 0) + 1);
    }
    const reps = users.filter((u) => u.type === "User" && u.isActive && u.inRoundRobin !== false).map((u) => ({
      id: u.id,
      name: u.name,
      openLeads: (u.openLeads ?? 0) + (extra.get(u.id) ?? 0)
    }));
    for (const result of assignRoundRobin(toRule, reps, settings.roundRobinCap)) {
      const { index, lead, why } = result.item;
      results[index] = result.ok ? planned(
        lead,
        { id: result.rep.id, name: result.rep.name, via: "roundRobin" },
        openStatus,
        `Round-robin to ${result.rep.name}: ${why}.`
      ) : { leadId: lead.id, ok: false, message: `${result.message} (${why}.)` };
    }
  }
  return results;
}
function readyToReturnMark(lead, settings, now, nurtureQueueId) {
  const readiness = readyToReturn(lead, settings, now, nurtureQueueId);
  if (!readiness.ready) return null;
  return readiness.triggers.map(
    (t) => t === "nurtureDatePassed" ? `Nurture date ${lead.nurtureUntil} passed` : "Scores Hot again"
  ).join("; ");
}
function readyToReturnChange(lead, settings, now, nurtureQueueId) {
  const mark = readyToReturnMark(lead, settings, now, nurtureQueueId);
  return (lead.readyToReturn || null) === mark ? null : { id: lead.id, readyToReturn: mark };
}
function rescoreChange(lead, scored, modelVersion, now, handback) {
  const ready = readyToReturnChange(
    { ...lead, tier: scored.tier },
    handback.settings,
    now,
    handback.nurtureQueueId
  );
  const scoreChange = scoreFieldChanges(lead, scored, modelVersion, now);
  return {
    change: scoreChange || ready ? { ...scoreChange, ...ready, id: lead.id } : null,
    readyChanged: ready !== null
  };
}

// core/src/handback/nurtureQueue.ts
var NURTURE_QUEUE_COLUMNS = [
  "id",
  "name",
  "company",
  "reason",
  "notes",
  "handedBackAt",
  "daysInNurture",
  "nurtureUntil",
  "tier",
  "score",
  "ready",
  "why"
];
function nurtureQueueRow(lead, settings, now, nurtureQueueId) {
  const readiness = readyToReturn(lead, settings, now, nurtureQueueId);
  const days = lead.handedBackAt ? daysBetween(lead.handedBackAt, now) : NaN;
  return {
    id: lead.id,
    name: [lead.firstName, lead.lastName].filter(Boolean).join(" "),
    company: lead.company ?? "",
    reason: handbackReasonLabel(lead.handbackReason),
    notes: lead.handbackNotes ?? "",
    handedBackAt: lead.handedBackAt ? isoDate(new Date(lead.handedBackAt)) : "",
    daysInNurture: Number.isNaN(days) ? null : days,
    nurtureUntil: lead.nurtureUntil ?? "",
    tier: lead.tier ?? "",
    score: lead.score ?? null,
    ready: readiness.ready,
    why: readiness.message
  };
}

// core/src/metrics/types.ts
var FUNNEL_STAGES = [
  "generated",
  "qualified",
  "nurturing",
  "handedToSales",
  "pursued",
  "won"
];
var FUNNEL_STAGE_LABELS = {
  generated: "Generated",
  qualified: "Qualified",
  nurturing: "Nurturing",
  handedToSales: "Handed to sales",
  pursued: "Pursued",
  won: "Won"
};
var LEAK_KINDS = ["disqualified", "dead", "lost", "inProgress"];

// core/src/metrics/facts.ts
var QUEUE_KEY_PREFIX = "00G";
var isQueueId = (ownerId) => ownerId.startsWith(QUEUE_KEY_PREFIX);
var STAGE = Object.fromEntries(FUNNEL_STAGES.map((s, i) => [s, i]));
function statusMap(settings) {
  return {
    qualified: new Set(settings.qualifiedStatuses),
    disqualified: new Set(settings.disqualifiedStatuses),
    nurturing: settings.nurturingStatus
  };
}
function stageEvidence(s, map) {
  const handed = s.converted || s.ownerIsUser || s.hasPreviousOwner;
  let bits = 1 << STAGE.generated;
  if (s.converted || map.qualified.has(s.status) || s.salesReady) bits |= 1 << STAGE.qualified;
  if (s.status === map.nurturing || s.handedBack) bits |= 1 << STAGE.nurturing;
  if (handed) bits |= 1 << STAGE.handedToSales;
  if (s.converted || handed && s.touched) bits |= 1 << STAGE.pursued;
  if (s.won) bits |= 1 << STAGE.won;
  return bits;
}
function furthestStage(bits) {
  return 31 - Math.clz32(bits);
}
function leakKind(s, map) {
  if (s.lost) return "lost";
  if (!s.converted && map.disqualified.has(s.status)) return "disqualified";
  if (s.dead) return "dead";
  return "inProgress";
}
function isOpen(status, converted, map) {
  return !converted && !map.disqualified.has(status) && status !== map.nurturing;
}
var NO_SOURCE = "(none)";
var UNSCORED = "Unscored";
var UNSPECIFIED_REASON = "Unspecified";
function derive(f, map) {
  f.evidence = stageEvidence(f, map);
  f.furthest = furthestStage(f.evidence);
  f.leak = leakKind(f, map);
  f.open = isOpen(f.status, f.converted, map);
  f.inReviewScope = f.open && f.ownerIsUser;
  return f;
}
function scratchFacts() {
  return {
    status: "",
    converted: false,
    ownerIsUser: false,
    hasPreviousOwner: false,
    salesReady: false,
    touched: false,
    handedBack: false,
    won: false,
    lost: false,
    dead: false,
    firstTouchHours: null,
    slaEligible: false,
    withinSla: false,
    source: NO_SOURCE,
    tier: UNSCORED,
    wonAmount: 0,
    handbackReason: null,
    reviewed: false,
    evidence: 0,
    furthest: 0,
    leak: "inProgress",
    open: false,
    inReviewScope: false
  };
}
function leadFacts(lead, touches, opportunity, lastReviewedEntryMs, ctx, into = scratchFacts()) {
  const { settings, map, nowMs } = ctx;
  const createdMs = toEpochMs(lead.createdDate);
  const lastActivityMs = toEpochMs(lead.lastActivityDate);
  const activityTouch = Number.isFinite(lastActivityMs) && lastActivityMs <= nowMs;
  const touched = touches !== null || activityTouch;
  const lastTouchMs = Math.max(
    touches?.last ?? -Infinity,
    activityTouch ? lastActivityMs : -Infinity
  );
  const converted = lead.isConverted === true;
  const won = converted && opportunity?.isWon === true;
  const status = lead.status ?? "";
  let firstTouchHours = null;
  if (touches && Number.isFinite(createdMs)) {
    firstTouchHours = Math.max(0, touches.first - createdMs) / 36e5;
  }
  const slaMs = settings.followUpSlaDays * MS_PER_DAY;
  const oldEnough = Number.isFinite(createdMs) && nowMs - createdMs >= slaMs;
  const slaEligible = oldEnough && (!touched || firstTouchHours !== null);
  const withinSla = slaEligible && firstTouchHours !== null && firstTouchHours * 36e5 <= slaMs;
  const sinceMs = touched ? lastTouchMs : createdMs;
  const dead = isOpen(status, converted, map) && Number.isFinite(sinceMs) && Math.floor((nowMs - sinceMs) / MS_PER_DAY) >= settings.deadAfterDays;
  const handedBack = Boolean(lead.handedBackAt) || (lead.handbackCount ?? 0) > 0;
  const reviewedMs = Math.max(lastReviewedEntryMs, toEpochMs(lead.lastReviewed) || -Infinity);
  const f = into;
  f.status = status;
  f.converted = converted;
  f.ownerIsUser = Boolean(lead.ownerId) && !ctx.isQueue(lead.ownerId);
  f.hasPreviousOwner = Boolean(lead.previousOwnerId);
  f.salesReady = lead.salesReady === true;
  f.touched = touched;
  f.handedBack = handedBack;
  f.won = won;
  f.lost = converted && opportunity !== null && opportunity.isClosed && !opportunity.isWon;
  f.dead = dead;
  f.firstTouchHours = firstTouchHours;
  f.slaEligible = slaEligible;
  f.withinSla = withinSla;
  f.source = lead.leadSource || NO_SOURCE;
  f.tier = lead.tier || UNSCORED;
  f.wonAmount = won ? Number(opportunity?.amount) || 0 : 0;
  f.handbackReason = handedBack ? lead.handbackReason || UNSPECIFIED_REASON : null;
  f.reviewed = reviewedMs >= nowMs - ctx.reviewWindowDays * MS_PER_DAY;
  return derive(f, map);
}

// core/src/metrics/samples.ts
function emptySamples() {
  return { values: new Float64Array(1024), length: 0 };
}
function reserve(s, extra) {
  if (s.length + extra <= s.values.length) return;
  let size = s.values.length * 2;
  while (size < s.length + extra) size *= 2;
  const grown = new Float64Array(size);
  grown.set(s.values.subarray(0, s.length));
  s.values = grown;
}
function pushSample(s, value) {
  reserve(s, 1);
  s.values[s.length++] = value;
}
function appendSamples(into, from) {
  reserve(into, from.length);
  into.values.set(from.values.subarray(0, from.length), into.length);
  into.length += from.length;
}
function sortedSamples(s) {
  return s.values.slice(0, s.length).sort();
}
function percentile(sorted, p) {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = (n - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

// core/src/metrics/accumulate.ts
function emptyMetrics(options) {
  const { settings, now } = options ?? {};
  if (!settings || !Array.isArray(settings.qualifiedStatuses)) {
    throw new Error("Metrics need the Lead Loop settings (parseSettings of LL_Settings__c).");
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new Error("Metrics need `now` as a valid Date.");
  }
  const reviewWindowDays = options.reviewWindowDays ?? 7;
  if (!Number.isFinite(reviewWindowDays) || reviewWindowDays <= 0) {
    throw new Error(
      `reviewWindowDays must be a positive number of days, not ${reviewWindowDays}.`
    );
  }
  return {
    ctx: {
      settings,
      map: statusMap(settings),
      nowMs: now.getTime(),
      reviewWindowDays,
      isQueue: options.isQueue ?? isQueueId
    },
    leads: 0,
    touched: 0,
    slaEligible: 0,
    withinSla: 0,
    speedHours: emptySamples(),
    qualifiedNow: 0,
    qualifiedUntouched: 0,
    open: 0,
    dead: 0,
    furthest: FUNNEL_STAGES.map(() => 0),
    evidence: FUNNEL_STAGES.map(() => 0),
    leak: FUNNEL_STAGES.map(() => emptyLeak()),
    bySource: /* @__PURE__ */ new Map(),
    byTier: /* @__PURE__ */ new Map(),
    campaigns: /* @__PURE__ */ new Map(),
    campaignInfo: /* @__PURE__ */ new Map(),
    won: 0,
    wonAmount: 0,
    handedBack: 0,
    reasons: /* @__PURE__ */ new Map(),
    returnedToSales: 0,
    recycledWon: 0,
    recycledWonAmount: 0,
    reviewScope: 0,
    reviewed: 0,
    meetings: /* @__PURE__ */ new Map(),
    entriesPerMeeting: /* @__PURE__ */ new Map(),
    auditRuns: /* @__PURE__ */ new Map(),
    current: null,
    defective: 0,
    defectiveByCheck: /* @__PURE__ */ new Map(),
    unresolvedOpportunities: 0
  };
}
function emptyLeak() {
  return Object.fromEntries(LEAK_KINDS.map((k) => [k, 0]));
}
var add = (map, key, n) => {
  map.set(key, (map.get(key) ?? 0) + n);
};
var bump = (record, key, n) => {
  record[key] = (record[key] ?? 0) + n;
};
function addGroup(map, key, f, n) {
  let g = map.get(key);
  if (!g) map.set(key, g = { leads: 0, converted: 0, won: 0, wonAmount: 0 });
  g.leads += n;
  if (f.converted) g.converted += n;
  if (f.won) g.won += n;
  g.wonAmount += f.wonAmount;
}
function addFacts(acc, f, n) {
  const { map } = acc.ctx;
  acc.leads += n;
  if (f.touched) acc.touched += n;
  if (f.slaEligible) acc.slaEligible += n;
  if (f.withinSla) acc.withinSla += n;
  if (f.firstTouchHours !== null) pushSample(acc.speedHours, f.firstTouchHours);
  if (!f.converted && map.qualified.has(f.status)) {
    acc.qualifiedNow += n;
    if (!f.touched) acc.qualifiedUntouched += n;
  }
  if (f.open) acc.open += n;
  if (f.dead) acc.dead += n;
  acc.furthest[f.furthest] += n;
  for (let i = 0; i < FUNNEL_STAGES.length; i++) {
    if (f.evidence & 1 << i) acc.evidence[i] += n;
  }
  acc.leak[f.furthest][f.leak] += n;
  addGroup(acc.bySource, f.source, f, n);
  addGroup(acc.byTier, f.tier, f, n);
  if (f.won) {
    acc.won += n;
    acc.wonAmount += f.wonAmount;
  }
  if (f.handedBack) {
    acc.handedBack += n;
    add(acc.reasons, f.handbackReason ?? UNSPECIFIED_REASON, n);
    if (f.converted || f.ownerIsUser) acc.returnedToSales += n;
    if (f.won) {
      acc.recycledWon += n;
      acc.recycledWonAmount += f.wonAmount;
    }
  }
  if (f.inReviewScope) {
    acc.reviewScope += n;
    if (f.reviewed) acc.reviewed += n;
  }
}
function touchMoment(a, nowMs) {
  if (a.kind === "Event") {
    const at = toEpochMs(a.startDateTime ?? a.activityDate);
    return Number.isFinite(at) && at <= nowMs ? at : null;
  }
  const closed = a.isClosed ?? a.status === "Completed";
  if (!closed) return null;
  const completed = toEpochMs(a.completedDateTime);
  if (Number.isFinite(completed)) return completed;
  const created = toEpochMs(a.createdDate);
  const due = a.activityDate && a.createdDate && a.activityDate <= a.createdDate ? Number.NaN : toEpochMs(a.activityDate);
  const latest2 = Math.max(created || -Infinity, due || -Infinity);
  if (latest2 <= nowMs) return Number.isFinite(latest2) ? latest2 : null;
  return Number.isFinite(created) ? Math.min(created, nowMs) : nowMs;
}
function addLeads(acc, page) {
  const { ctx } = acc;
  if (!page || !Array.isArray(page.leads)) {
    throw new Error("A metrics page needs `leads` (an array of leads).");
  }
  const leads = page.leads;
  const slotOf = /* @__PURE__ */ new Map();
  const first = [];
  const last = [];
  const lastReviewed = [];
  const members = [];
  const findings = [];
  const meetings2 = [];
  const slotFor = (leadId) => {
    let slot = slotOf.get(leadId);
    if (slot === void 0) {
      slot = first.length;
      slotOf.set(leadId, slot);
      first.push(Infinity);
      last.push(-Infinity);
      lastReviewed.push(-Infinity);
      members.push(void 0);
      findings.push(void 0);
      meetings2.push(void 0);
    }
    return slot;
  };
  for (const a of page.activities ?? []) {
    if (!a.whoId) continue;
    const at = touchMoment(a, ctx.nowMs);
    if (at === null) continue;
    const slot = slotFor(a.whoId);
    if (at < first[slot]) first[slot] = at;
    if (at > last[slot]) last[slot] = at;
  }
  const opportunities = /* @__PURE__ */ new Map();
  for (const o of page.opportunities ?? []) opportunities.set(o.id, o);
  for (const e of page.reviewEntries ?? []) {
    const slot = slotFor(e.leadId);
    const at = toEpochMs(e.reviewedAt);
    if (Number.isFinite(at) && at > lastReviewed[slot]) lastReviewed[slot] = at;
    if (e.meetingId) (meetings2[slot] ??= /* @__PURE__ */ new Set()).add(e.meetingId);
  }
  for (const m of page.campaignMembers ?? []) {
    if (m.leadId) (members[slotFor(m.leadId)] ??= []).push(m);
  }
  for (const fnd of page.findings ?? []) (findings[slotFor(fnd.leadId)] ??= []).push(fnd);
  const run = page.findings ? acc.current ??= emptyRun(new Date(ctx.nowMs).toISOString()) : null;
  const f = scratchFacts();
  const touches = { first: 0, last: 0 };
  for (const lead of leads) {
    const slot = slotOf.get(lead.id);
    let opp = null;
    if (lead.isConverted && lead.convertedOpportunityId) {
      opp = opportunities.get(lead.convertedOpportunityId) ?? null;
      if (!opp) acc.unresolvedOpportunities++;
    }
    if (slot === void 0) {
      leadFacts(lead, null, opp, -Infinity, ctx, f);
      addFacts(acc, f, 1);
      continue;
    }
    touches.first = first[slot];
    touches.last = last[slot];
    const touched = touches.first !== Infinity ? touches : null;
    leadFacts(lead, touched, opp, lastReviewed[slot], ctx, f);
    addFacts(acc, f, 1);
    for (const m of members[slot] ?? []) {
      let c = acc.campaigns.get(m.campaignId);
      if (!c) {
        c = { members: 0, responded: 0, convertedLeads: 0, wonLeads: 0, wonAmount: 0 };
        acc.campaigns.set(m.campaignId, c);
      }
      c.members++;
      if (m.hasResponded) c.responded++;
      if (f.converted) c.convertedLeads++;
      if (f.won) {
        c.wonLeads++;
        c.wonAmount += f.wonAmount;
      }
    }
    const leadMeetings = meetings2[slot];
    if (leadMeetings) {
      for (const meetingId of leadMeetings) add(acc.entriesPerMeeting, meetingId, 1);
      meetings2[slot] = void 0;
    }
    const own = findings[slot];
    if (run && own) {
      const checks = /* @__PURE__ */ new Set();
      for (const fnd of own) {
        run.findings++;
        bump(run.byCheck, fnd.checkId, 1);
        bump(run.bySeverity, fnd.severity, 1);
        checks.add(fnd.checkId);
      }
      run.leads++;
      if (f.evidence & 1 << STAGE.handedToSales) {
        acc.defective++;
        for (const check of checks) add(acc.defectiveByCheck, check, 1);
      }
    }
  }
  return acc;
}
function emptyRun(ranAt) {
  return { ranAt, findings: 0, leads: 0, byCheck: {}, bySeverity: {} };
}
function addLeadGroups(acc, groups2) {
  for (const [i, g] of groups2.entries()) {
    if (!Number.isInteger(g?.count) || g.count < 0 || typeof g.status !== "string") {
      throw new Error(
        `Lead group ${i + 1} needs a whole, non-negative count and a status (got ${JSON.stringify(g)}).`
      );
    }
    if (g.count === 0) continue;
    const converted = g.isConverted === true;
    const handedBack = g.handedBack === true;
    const f = derive(
      {
        status: g.status,
        converted,
        ownerIsUser: g.ownerIsQueue === false,
        hasPreviousOwner: g.hasPreviousOwner === true,
        salesReady: g.salesReady === true,
        touched: g.touched === true,
        handedBack,
        won: converted && g.won === true,
        lost: converted && g.lost === true,
        dead: g.dead === true,
        firstTouchHours: null,
        slaEligible: false,
        withinSla: false,
        source: g.leadSource || NO_SOURCE,
        tier: g.tier || UNSCORED,
        wonAmount: converted && g.won ? g.wonAmount ?? 0 : 0,
        handbackReason: handedBack ? g.handbackReason || UNSPECIFIED_REASON : null,
        reviewed: g.reviewed === true,
        evidence: 0,
        furthest: 0,
        leak: "inProgress",
        open: false,
        inReviewScope: false
      },
      acc.ctx.map
    );
    addFacts(acc, f, g.count);
  }
  return acc;
}
function addCampaigns(acc, campaigns2) {
  for (const c of campaigns2) acc.campaignInfo.set(c.id, c);
  return acc;
}
function addReviewMeetings(acc, meetings2) {
  for (const m of meetings2) acc.meetings.set(m.id, m);
  return acc;
}
function addAuditRuns(acc, runs) {
  for (const r of runs) {
    if (!Number.isFinite(toEpochMs(r.ranAt))) {
      throw new Error(`Audit run has no valid ranAt (got ${JSON.stringify(r.ranAt)}).`);
    }
    acc.auditRuns.set(r.ranAt, r);
  }
  return acc;
}
function auditRunCounts(ranAt, findings) {
  const run = emptyRun(ranAt);
  const leads = /* @__PURE__ */ new Set();
  for (const f of findings) {
    run.findings++;
    bump(run.byCheck, f.checkId, 1);
    bump(run.bySeverity, f.severity, 1);
    leads.add(f.leadId);
  }
  run.leads = leads.size;
  return run;
}

// core/src/metrics/finish.ts
function ratio(count2, of) {
  return { count: count2, of, rate: of > 0 ? count2 / of : null };
}
var rateOf = (count2, of) => of > 0 ? count2 / of : null;
function groups(map) {
  return [...map].map(([key, g]) => ({
    key,
    ...g,
    conversionRate: rateOf(g.converted, g.leads),
    winRate: rateOf(g.won, g.leads)
  })).sort((a, b) => b.leads - a.leads || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
function funnel(acc) {
  const reached = [];
  let beyond = 0;
  for (let i = FUNNEL_STAGES.length - 1; i >= 0; i--) {
    beyond += acc.furthest[i];
    reached[i] = beyond;
  }
  const last = FUNNEL_STAGES.length - 1;
  return FUNNEL_STAGES.map((stage, i) => {
    const leak = Object.fromEntries(
      LEAK_KINDS.map((k) => [k, i === last ? 0 : acc.leak[i][k]])
    );
    leak.total = i === last ? 0 : acc.furthest[i];
    return {
      stage,
      label: FUNNEL_STAGE_LABELS[stage],
      reached: reached[i],
      ownEvidence: acc.evidence[i],
      skipped: reached[i] - acc.evidence[i],
      leak,
      conversionToNext: i === last ? null : rateOf(reached[i + 1], reached[i])
    };
  });
}
function campaigns(acc) {
  const ids = /* @__PURE__ */ new Set([...acc.campaigns.keys(), ...acc.campaignInfo.keys()]);
  return [...ids].map((campaignId) => {
    const c = acc.campaigns.get(campaignId);
    const info = acc.campaignInfo.get(campaignId);
    const wonAmount = c?.wonAmount ?? 0;
    const cost = info?.actualCost ?? null;
    return {
      campaignId,
      name: info?.name ?? null,
      members: c?.members ?? 0,
      responded: c?.responded ?? 0,
      convertedLeads: c?.convertedLeads ?? 0,
      wonLeads: c?.wonLeads ?? 0,
      wonAmount,
      cost,
      returnOnCost: cost !== null && cost > 0 ? (wonAmount - cost) / cost : null
    };
  }).sort(
    (a, b) => b.wonAmount - a.wonAmount || b.members - a.members || (a.campaignId < b.campaignId ? -1 : 1)
  );
}
function meetings(acc) {
  return [...acc.meetings.values()].map((m) => {
    const inScope = m.leadsInScope ?? 0;
    const reviewed = m.leadsReviewed ?? acc.entriesPerMeeting.get(m.id) ?? 0;
    return {
      meetingId: m.id,
      meetingDate: m.meetingDate,
      inScope,
      reviewed,
      coverage: rateOf(reviewed, inScope)
    };
  }).sort(
    (a, b) => (a.meetingDate ?? "") < (b.meetingDate ?? "") ? -1 : (a.meetingDate ?? "") > (b.meetingDate ?? "") ? 1 : a.meetingId < b.meetingId ? -1 : 1
  );
}
function hygieneOverTime(acc) {
  const runs = new Map(acc.auditRuns);
  if (acc.current) runs.set(acc.current.ranAt, acc.current);
  return [...runs.values()].sort((a, b) => a.ranAt < b.ranAt ? -1 : a.ranAt > b.ranAt ? 1 : 0);
}
function finishMetrics(acc) {
  const { settings, nowMs, reviewWindowDays } = acc.ctx;
  const sorted = sortedSamples(acc.speedHours);
  const median = percentile(sorted, 0.5);
  const p90 = percentile(sorted, 0.9);
  const stages = funnel(acc);
  const handedToSales = stages[FUNNEL_STAGES.indexOf("handedToSales")].reached;
  const meetingList = meetings(acc);
  const sum = (key) => meetingList.reduce((n, m) => n + m[key], 0);
  const defective = ratio(acc.defective, handedToSales);
  return {
    asOf: new Date(nowMs).toISOString(),
    leads: acc.leads,
    followUp: {
      touched: ratio(acc.touched, acc.leads),
      slaDays: settings.followUpSlaDays,
      withinSla: ratio(acc.withinSla, acc.slaEligible)
    },
    speedToFirstTouch: {
      leads: sorted.length,
      medianHours: median,
      p90Hours: p90,
      medianDays: median === null ? null : median / 24,
      p90Days: p90 === null ? null : p90 / 24
    },
    qualifiedUntouched: ratio(acc.qualifiedUntouched, acc.qualifiedNow),
    dead: ratio(acc.dead, acc.open),
    funnel: stages,
    conversionBySource: groups(acc.bySource),
    conversionByTier: groups(acc.byTier),
    campaigns: campaigns(acc),
    handback: {
      rate: ratio(acc.handedBack, acc.leads),
      ofHandedToSales: ratio(acc.handedBack, handedToSales),
      reasons: [...acc.reasons].map(([reason, count2]) => ({
        reason,
        count: count2,
        share: rateOf(count2, acc.handedBack)
      })).sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
    },
    recycled: {
      recycled: acc.handedBack,
      returnedToSales: acc.returnedToSales,
      won: acc.recycledWon,
      wonAmount: acc.recycledWonAmount,
      shareOfWins: ratio(acc.recycledWon, acc.won)
    },
    reviewCoverage: {
      windowDays: reviewWindowDays,
      leads: ratio(acc.reviewed, acc.reviewScope),
      meetings: meetingList,
      overall: ratio(sum("reviewed"), sum("inScope"))
    },
    hygieneOverTime: hygieneOverTime(acc),
    processDefects: {
      audited: acc.current !== null,
      defective,
      ppm: defective.rate === null ? null : Math.round(defective.rate * 1e6),
      byCheck: [...acc.defectiveByCheck].map(([checkId, leads]) => ({ checkId, leads })).sort((a, b) => b.leads - a.leads || (a.checkId < b.checkId ? -1 : 1))
    },
    unresolvedOpportunities: acc.unresolvedOpportunities
  };
}

// core/src/metrics/merge.ts
var add2 = (map, key, n) => {
  map.set(key, (map.get(key) ?? 0) + n);
};
function mergeGroups(into, from) {
  for (const [key, g] of from) {
    const t = into.get(key);
    if (!t) into.set(key, { ...g });
    else {
      t.leads += g.leads;
      t.converted += g.converted;
      t.won += g.won;
      t.wonAmount += g.wonAmount;
    }
  }
}
function mergeRecord(into, from) {
  for (const [k, v] of Object.entries(from)) bump(into, k, v);
}
function mergeMetrics(a, b) {
  if (a.ctx.nowMs !== b.ctx.nowMs || a.ctx.settings !== b.ctx.settings) {
    throw new Error("Only metrics computed with the same settings and clock can be merged.");
  }
  const sums = [
    "leads",
    "touched",
    "slaEligible",
    "withinSla",
    "qualifiedNow",
    "qualifiedUntouched",
    "open",
    "dead",
    "won",
    "wonAmount",
    "handedBack",
    "returnedToSales",
    "recycledWon",
    "recycledWonAmount",
    "reviewScope",
    "reviewed",
    "defective",
    "unresolvedOpportunities"
  ];
  for (const key of sums) a[key] += b[key];
  appendSamples(a.speedHours, b.speedHours);
  for (let i = 0; i < FUNNEL_STAGES.length; i++) {
    a.furthest[i] += b.furthest[i];
    a.evidence[i] += b.evidence[i];
    for (const k of LEAK_KINDS) a.leak[i][k] += b.leak[i][k];
  }
  mergeGroups(a.bySource, b.bySource);
  mergeGroups(a.byTier, b.byTier);
  for (const [id, c] of b.campaigns) {
    const t = a.campaigns.get(id);
    if (!t) a.campaigns.set(id, { ...c });
    else {
      t.members += c.members;
      t.responded += c.responded;
      t.convertedLeads += c.convertedLeads;
      t.wonLeads += c.wonLeads;
      t.wonAmount += c.wonAmount;
    }
  }
  for (const [id, c] of b.campaignInfo) a.campaignInfo.set(id, c);
  for (const [k, v] of b.reasons) add2(a.reasons, k, v);
  for (const [id, m] of b.meetings) a.meetings.set(id, m);
  for (const [id, n] of b.entriesPerMeeting) add2(a.entriesPerMeeting, id, n);
  for (const [at, r] of b.auditRuns) a.auditRuns.set(at, r);
  if (b.current) {
    const run = a.current ??= emptyRun(b.current.ranAt);
    run.findings += b.current.findings;
    run.leads += b.current.leads;
    mergeRecord(run.byCheck, b.current.byCheck);
    mergeRecord(run.bySeverity, b.current.bySeverity);
  }
  for (const [k, v] of b.defectiveByCheck) add2(a.defectiveByCheck, k, v);
  return a;
}

// core/src/metrics/records.ts
var str3 = (v) => {
  const x = fieldValue(v);
  return typeof x === "string" && x !== "" ? x : null;
};
var bool = (v) => {
  const x = fieldValue(v);
  return x === true || x === "true";
};
var flat2 = (r) => r.fields && typeof r.fields === "object" ? { Id: r.id, ...r.fields } : r;
function metricActivityFromRecord(record, kind) {
  const r = flat2(record ?? {});
  const isClosed2 = fieldValue(r.IsClosed);
  return {
    ...activityFromRecord(r, kind),
    startDateTime: str3(r.StartDateTime),
    completedDateTime: str3(r.CompletedDateTime),
    isClosed: isClosed2 === void 0 || isClosed2 === null ? null : bool(isClosed2)
  };
}
function metricOpportunityFromRecord(record) {
  const r = flat2(record ?? {});
  return {
    id: str3(r.Id) ?? "",
    isWon: bool(r.IsWon),
    isClosed: bool(r.IsClosed),
    amount: fieldNumber(r.Amount)
  };
}
function metricCampaignFromRecord(record) {
  const r = flat2(record ?? {});
  return { id: str3(r.Id) ?? "", name: str3(r.Name) ?? "", actualCost: fieldNumber(r.ActualCost) };
}
function reviewEntryFromRecord(record) {
  const e = fromRecord(REVIEW_ENTRY.fields, record ?? {});
  return {
    leadId: str3(e.leadId) ?? "",
    meetingId: str3(e.meetingId),
    reviewedAt: str3(e.reviewedAt)
  };
}
function reviewMeetingFromRecord(record) {
  const m = fromRecord(REVIEW_MEETING.fields, record ?? {});
  return {
    id: str3(m.id) ?? "",
    meetingDate: str3(m.meetingDate),
    status: str3(m.status),
    leadsInScope: fieldNumber(m.leadsInScope),
    leadsReviewed: fieldNumber(m.leadsReviewed)
  };
}

// core/src/metrics/aggregateQuery.ts
var GROUPED = {
  status: LEAD_FIELDS.status,
  salesReady: LEAD_FIELDS.salesReady,
  leadSource: LEAD_FIELDS.leadSource,
  tier: LEAD_FIELDS.tier,
  handbackReason: LEAD_FIELDS.handbackReason
};
var ne = (field) => ({ [field]: { ne: null } });
var eq = (field, value) => ({ [field]: { eq: value } });
var QUEUE = { OwnerId: { like: "00G%" } };
var HANDED_BACK = {
  or: [ne(LEAD_FIELDS.handedBackAt), { [LEAD_FIELDS.handbackCount]: { gt: 0 } }]
};
var TOUCHED = ne("LastActivityDate");
var STALE_TOUCHED = { LastActivityDate: { lte: { value: { $var: "deadBefore" } } } };
var STALE_UNTOUCHED = { CreatedDate: { lte: { value: { $var: "deadBeforeTime" } } } };
var both = (on, off) => [on, off];
var not = (f) => ({ not: f });
function partitions() {
  const out = [];
  const owners2 = [
    { facts: { ownerIsQueue: false, hasPreviousOwner: false }, where: [not(QUEUE)] },
    {
      facts: { ownerIsQueue: true, hasPreviousOwner: true },
      where: [QUEUE, ne(LEAD_FIELDS.previousOwnerId)]
    },
    {
      facts: { ownerIsQueue: true, hasPreviousOwner: false },
      where: [QUEUE, eq(LEAD_FIELDS.previousOwnerId, null)]
    }
  ];
  for (const touched of both(true, false)) {
    const touch = touched ? TOUCHED : eq("LastActivityDate", null);
    for (const handedBack of both(true, false)) {
      const back = handedBack ? HANDED_BACK : not(HANDED_BACK);
      for (const owner of owners2) {
        for (const dead of both(true, false)) {
          const stale = touched ? STALE_TOUCHED : STALE_UNTOUCHED;
          out.push({
            facts: { ...owner.facts, touched, handedBack, isConverted: false, dead },
            where: [eq("IsConverted", false), touch, back, ...owner.where].concat(
              dead ? [stale] : [not(stale)]
            )
          });
        }
      }
      out.push({
        facts: { touched, handedBack, isConverted: true, ownerIsQueue: false },
        where: [eq("IsConverted", true), touch, back],
        groupOpportunity: true
      });
    }
  }
  return out;
}
var FUNNEL_PARTITIONS = partitions();
var GROUP_LIMIT = 2e3;
function filterText(value) {
  if (Array.isArray(value)) return `[${value.map(filterText).join(", ")}]`;
  if (value === null) return "null";
  if (typeof value !== "object") return JSON.stringify(value);
  if ("$var" in value) return `$${String(value.$var)}`;
  return `{ ${Object.entries(value).map(([k, v]) => `${k}: ${filterText(v)}`).join(", ")} }`;
}
var MAX_SUBQUERIES_PER_REQUEST = 10;
var OPPORTUNITY_GROUP = "ConvertedOpportunity: { IsWon: { group: true }, IsClosed: { group: true } }";
var groupBy = (p) => `{ ${[
  ...Object.values(GROUPED).map((f) => `${f}: { group: true }`),
  ...p.groupOpportunity ? [OPPORTUNITY_GROUP] : []
].join(", ")} }`;
var selection = (p) => `
    edges { node { aggregate {
        ${Object.values(GROUPED).map((f) => `${f} { value }`).join(" ")}
        Id { count { value } }
        ConvertedOpportunity { ${p.groupOpportunity ? "IsWon { value } IsClosed { value } " : ""}Amount { sum { value } } }
    } } }
    pageInfo { hasNextPage }`;
var VARIABLE_TYPES = { deadBefore: "Date", deadBeforeTime: "DateTime" };
function request(n, first, parts) {
  const subqueries = parts.map((p, i) => {
    const where = filterText(p.where);
    return `            p${first + i}: Lead(groupBy: ${groupBy(p)}, where: { and: ${where} }, first: ${GROUP_LIMIT}) {${selection(p)} }`;
  });
  const text4 = subqueries.join("\n");
  const variableNames = Object.keys(VARIABLE_TYPES).filter(
    (v) => new RegExp(`\\$${v}\\b`).test(text4)
  );
  const declared = variableNames.map((v) => `$${v}: ${VARIABLE_TYPES[v]}`).join(", ");
  return {
    query: `query leadLoopFunnel${n}${declared ? `(${declared})` : ""} {
    uiapi {
        aggregate {
${text4}
        }
    }
}`,
    variableNames
  };
}
var FUNNEL_AGGREGATE_REQUESTS = (() => {
  const out = [];
  for (let first = 0; first < FUNNEL_PARTITIONS.length; first += MAX_SUBQUERIES_PER_REQUEST) {
    const parts = FUNNEL_PARTITIONS.slice(first, first + MAX_SUBQUERIES_PER_REQUEST);
    out.push(request(out.length, first, parts));
  }
  return out;
})();
var FUNNEL_AGGREGATE_QUERIES = FUNNEL_AGGREGATE_REQUESTS.map(
  (r) => r.query
);
function funnelRequestVariables(settings, now) {
  const all = funnelAggregateVariables(settings, now);
  return FUNNEL_AGGREGATE_REQUESTS.map(
    (r) => Object.fromEntries(r.variableNames.map((v) => [v, all[v]]))
  );
}
function funnelAggregateVariables(settings, now) {
  const cutoff = new Date(now.getTime() - settings.deadAfterDays * MS_PER_DAY);
  return { deadBefore: cutoff.toISOString().slice(0, 10), deadBeforeTime: cutoff.toISOString() };
}
var textOf = (v) => typeof v === "string" && v ? v : null;
function aggregatesOf(answers) {
  const list = Array.isArray(answers) ? answers : [answers];
  const merged = {};
  for (const [i, data] of list.entries()) {
    const aggregate = data?.uiapi?.aggregate;
    if (!aggregate || typeof aggregate !== "object")
      throw new Error(
        `The funnel answer${list.length > 1 ? ` ${i + 1}` : ""} has no uiapi.aggregate.`
      );
    Object.assign(merged, aggregate);
  }
  return merged;
}
function leadGroupsFromAggregates(answers, settings) {
  const map = statusMap(settings);
  const aggregate = aggregatesOf(answers);
  const groups2 = [];
  FUNNEL_PARTITIONS.forEach((p, i) => {
    const conn = aggregate[`p${i}`];
    if (!conn || !Array.isArray(conn.edges))
      throw new Error(`The funnel answer lacks the aggregate p${i}.`);
    if (conn.pageInfo?.hasNextPage)
      throw new Error(
        `The funnel aggregate p${i} has more than ${GROUP_LIMIT} groups; narrow the picklists.`
      );
    for (const [row, edge] of conn.edges.entries()) {
      const a = edge.node?.aggregate;
      const count2 = a?.Id?.count?.value;
      if (!a || !Number.isInteger(count2))
        throw new Error(`Row ${row + 1} of the funnel aggregate p${i} has no count.`);
      const value = (field) => a[field]?.value;
      const opp = a.ConvertedOpportunity;
      const amount = opp?.Amount?.sum?.value;
      const outcome = p.groupOpportunity ? {
        won: opp?.IsWon?.value === true,
        lost: opp?.IsClosed?.value === true && opp?.IsWon?.value !== true
      } : {};
      const status = String(value(GROUPED.status) ?? "");
      const facts = { ...p.facts, ...outcome };
      groups2.push({
        ...facts,
        // Only open leads die (disqualified or nurtured ones are not dead).
        dead: p.facts.dead === true && isOpen(status, false, map),
        count: count2,
        status,
        salesReady: value(GROUPED.salesReady) === true,
        leadSource: textOf(value(GROUPED.leadSource)),
        tier: textOf(value(GROUPED.tier)),
        handbackReason: textOf(value(GROUPED.handbackReason)),
        wonAmount: facts.won ? Number(amount) || 0 : 0
      });
    }
  });
  return groups2;
}
function funnelMetricsFromAggregates(answers, settings, now) {
  const acc = emptyMetrics({ settings, now });
  return finishMetrics(addLeadGroups(acc, leadGroupsFromAggregates(answers, settings)));
}

// core/src/metrics/view.ts
var METRIC_REPORTS = {
  funnel: "LL_Lead_Funnel_By_Status",
  followUp: "LL_Follow_Up_Never_Touched",
  speed: "LL_Speed_To_First_Touch",
  qualifiedUntouched: "LL_Qualified_Untouched",
  handback: "LL_Handback_Reasons",
  conversionBySource: "LL_Conversion_By_Source",
  /** Audit runs over time: each run's handed to sales, defects and first-touch figures. */
  defects: "LL_Process_Defects"
};
var RUN_AUDIT_HINT = "Run the hygiene audit (Hygiene Audit tab or leadloop audit)";
var LEAK_LABELS = {
  disqualified: "Disqualified",
  dead: "Dead",
  lost: "Lost",
  inProgress: "In progress"
};
var percentText = (rate) => rate === null ? "\u2014" : `${(rate * 100).toFixed(rate < 0.1 && rate > 0 ? 1 : 0)}%`;
var ratioText = (r) => percentText(r.rate);
function funnelBars(metrics) {
  const top = metrics.funnel[0]?.reached ?? 0;
  return metrics.funnel.map((s) => {
    const kinds = Object.keys(LEAK_LABELS).filter((k) => s.leak[k] > 0).map((k) => `${s.leak[k]} ${LEAK_LABELS[k].toLowerCase()}`);
    return {
      stage: s.stage,
      label: s.label,
      reached: s.reached,
      share: top ? s.reached / top : 0,
      barPercent: top ? 100 * s.reached / top : 0,
      leakPercent: top ? 100 * s.leak.total / top : 0,
      leak: s.leak.total,
      leakText: s.leak.total ? `${s.leak.total} stopped here (${kinds.join(", ")})` : "",
      conversionText: s.conversionToNext === null ? "" : `${percentText(s.conversionToNext)} go on`
    };
  });
}
var hours = (h) => h === null ? "\u2014" : h < 48 ? `${h.toFixed(1)} h` : `${(h / 24).toFixed(1)} days`;
var asOfText = (iso) => `as of ${new Date(iso).toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" })}`;
var ppmOf = (r) => r.rate === null ? null : Math.round(r.rate * 1e6);
function auditedNumbers(m, run) {
  const figures = run?.figures ?? null;
  const asOf = figures && run ? `, ${asOfText(run.ranAt)}` : "";
  const perLead = m.speedToFirstTouch.leads > 0;
  const speed = perLead ? { ...m.speedToFirstTouch, asOf: "" } : figures ? {
    leads: figures.firstTouchLeads,
    medianHours: figures.firstTouchMedianHours,
    p90Hours: figures.firstTouchP90Hours,
    asOf
  } : null;
  const defects = m.processDefects.audited ? { defective: m.processDefects.defective, asOf: "" } : figures ? { defective: ratio(figures.defective, figures.handedToSales), asOf } : null;
  return { speed, defects };
}
function summaryNumbers(m, latestRun = null) {
  const { speed, defects } = auditedNumbers(m, latestRun);
  const ofRatio = (r, what) => `${r.count} of ${r.of} ${what}`;
  return [
    {
      key: "followUp",
      label: "Follow-up rate",
      value: ratioText(m.followUp.touched),
      detail: ofRatio(m.followUp.touched, "leads touched"),
      fraction: m.followUp.touched.rate,
      lowerIsBetter: false,
      report: METRIC_REPORTS.followUp
    },
    {
      key: "speed",
      label: "Speed to first touch (median)",
      value: hours(speed?.medianHours ?? null),
      detail: speed ? speed.leads ? `90th percentile ${hours(speed.p90Hours)}, over ${speed.leads} leads${speed.asOf}` : `No lead with a known first touch${speed.asOf}` : RUN_AUDIT_HINT,
      fraction: null,
      lowerIsBetter: true,
      report: METRIC_REPORTS.speed
    },
    {
      key: "qualifiedUntouched",
      label: "Qualified, never touched",
      value: ratioText(m.qualifiedUntouched),
      detail: ofRatio(m.qualifiedUntouched, "qualified leads"),
      fraction: m.qualifiedUntouched.rate,
      lowerIsBetter: true,
      report: METRIC_REPORTS.qualifiedUntouched
    },
    {
      key: "handback",
      label: "Hand-back rate",
      value: ratioText(m.handback.ofHandedToSales),
      detail: ofRatio(m.handback.ofHandedToSales, "handed to sales came back"),
      fraction: m.handback.ofHandedToSales.rate,
      lowerIsBetter: true,
      report: METRIC_REPORTS.handback
    },
    {
      key: "defects",
      label: "Process defect rate",
      value: defects ? ratioText(defects.defective) : "\u2014",
      detail: defects ? `${(ppmOf(defects.defective) ?? 0).toLocaleString("en-US")} defects per million handed to sales (${defects.defective.count} of ${defects.defective.of})${defects.asOf}` : RUN_AUDIT_HINT,
      fraction: defects ? defects.defective.rate : null,
      lowerIsBetter: true,
      report: METRIC_REPORTS.defects
    }
  ];
}

// core/src/metrics/reportLinks.ts
var LINKED_REPORTS = [...new Set(Object.values(METRIC_REPORTS))];
var REPORT_ID = /^00O[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;
var isReportId = (id) => typeof id === "string" && REPORT_ID.test(id);
function reportIdsFromLinks(data) {
  const connection = data?.uiapi?.query?.[REPORT_LINK.objectApiName];
  const ids = {};
  for (const node of graphqlNodes(connection)) {
    const name = fieldValue(node[REPORT_LINK.fields.developerName]);
    const id = fieldValue(node[REPORT_LINK.fields.reportId]);
    if (typeof name === "string" && isReportId(id)) ids[name] = id;
  }
  return ids;
}
function planReportLinks(reports, links) {
  const f = REPORT_LINK.fields;
  const reportIds = /* @__PURE__ */ new Map();
  for (const r of reports) {
    const name = fieldValue(r.DeveloperName);
    const id = fieldValue(r.Id);
    if (typeof name === "string" && isReportId(id)) reportIds.set(name, id);
  }
  const linked = /* @__PURE__ */ new Map();
  for (const l of links) {
    const name = fieldValue(l[f.developerName]);
    const id = fieldValue(l[f.reportId]);
    if (typeof name === "string") linked.set(name, typeof id === "string" ? id : null);
  }
  return LINKED_REPORTS.map((developerName) => {
    const reportId = reportIds.get(developerName) ?? null;
    const linkedId = linked.get(developerName) ?? null;
    const action = reportId === null ? "missing" : !linked.has(developerName) ? "create" : linkedId === reportId ? "unchanged" : "update";
    return { developerName, reportId, linkedId, action };
  });
}
function reportLinkRecord(plan2) {
  if (plan2.reportId === null) {
    throw new Error(`The report ${plan2.developerName} is not in the org: nothing to link.`);
  }
  const f = REPORT_LINK.fields;
  return {
    [f.name]: plan2.developerName,
    [f.developerName]: plan2.developerName,
    [f.reportId]: plan2.reportId
  };
}
function reportPageReference(developerName, ids) {
  const recordId = ids[developerName];
  if (recordId) {
    return {
      type: "standard__recordPage",
      attributes: { recordId, objectApiName: "Report", actionName: "view" }
    };
  }
  return {
    type: "standard__objectPage",
    attributes: { objectApiName: "Report", actionName: "home" },
    state: { c__report: developerName }
  };
}

// core/src/metrics/auditFigures.ts
var hours2 = (h) => h === null ? null : Math.round(h * 100) / 100;
function auditFigures(m) {
  if (!m.processDefects.audited) {
    throw new Error("Audit figures need metrics computed with the audit\u2019s findings.");
  }
  return {
    handedToSales: m.processDefects.defective.of,
    defective: m.processDefects.defective.count,
    firstTouchLeads: m.speedToFirstTouch.leads,
    firstTouchMedianHours: hours2(m.speedToFirstTouch.medianHours),
    firstTouchP90Hours: hours2(m.speedToFirstTouch.p90Hours)
  };
}
function auditFiguresFields(figures) {
  const f = AUDIT_RUN.fields;
  return {
    [f.handedToSales]: figures.handedToSales,
    [f.defectiveLeads]: figures.defective,
    [f.firstTouchLeads]: figures.firstTouchLeads,
    [f.firstTouchMedianHours]: figures.firstTouchMedianHours,
    [f.firstTouchP90Hours]: figures.firstTouchP90Hours
  };
}
var count = (v) => {
  const n = fieldNumber(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
};
var hoursOf = (v) => {
  const n = fieldNumber(v);
  return n !== null && n >= 0 ? n : null;
};
function auditRunFiguresFromRecord(record) {
  if (!record || typeof record !== "object") return null;
  const r = record;
  const f = AUDIT_RUN.fields;
  const ranAt = fieldValue(r[f.ranAt]);
  if (typeof ranAt !== "string" || Number.isNaN(Date.parse(ranAt))) return null;
  const source = fieldValue(r[f.source]);
  const handedToSales = count(r[f.handedToSales]);
  const defective = count(r[f.defectiveLeads]);
  const firstTouchLeads = count(r[f.firstTouchLeads]);
  const figures = handedToSales === null || defective === null || firstTouchLeads === null || defective > handedToSales ? null : {
    handedToSales,
    defective,
    firstTouchLeads,
    firstTouchMedianHours: hoursOf(r[f.firstTouchMedianHours]),
    firstTouchP90Hours: hoursOf(r[f.firstTouchP90Hours])
  };
  return { ranAt, source: typeof source === "string" ? source : null, figures };
}
function latestAuditRunFromAnswer(data) {
  const connection = data?.uiapi?.query?.[AUDIT_RUN.objectApiName];
  return auditRunFiguresFromRecord(graphqlNodes(connection)[0]);
}

// core/src/metrics/index.ts
function computeMetrics(snapshot, options) {
  const acc = emptyMetrics(options);
  addCampaigns(acc, snapshot.campaigns ?? []);
  addReviewMeetings(acc, snapshot.reviewMeetings ?? []);
  addAuditRuns(acc, snapshot.auditRuns ?? []);
  return finishMetrics(addLeads(acc, snapshot));
}

// core/src/hygiene/types.ts
var SEVERITIES = ["critical", "high", "medium", "low"];
var FIX_KINDS = [
  "work-it",
  "reassign",
  "merge-duplicate",
  "mark-moved-on",
  "close",
  "hand-back",
  "return-to-sales",
  "review-nurture"
];

// core/src/hygiene/normalize.ts
var MARKS = /\p{M}+/gu;
var NON_ALNUM = /[^\p{L}\p{N}]+/gu;
var ASCII = /^[\x20-\x7e]*$/;
var NON_ALNUM_ASCII = /[^a-z0-9]+/g;
var textCache = /* @__PURE__ */ new Map();
var TEXT_CACHE_LIMIT = 5e4;
function normalizeText(value) {
  if (typeof value !== "string") return "";
  let cached = textCache.get(value);
  if (cached === void 0) {
    cached = textOf2(value);
    if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
    textCache.set(value, cached);
  }
  return cached;
}
function textOf2(value) {
  if (ASCII.test(value)) {
    return value.toLowerCase().replace(/&/g, " and ").replace(NON_ALNUM_ASCII, " ").trim();
  }
  return value.normalize("NFKD").toLowerCase().normalize("NFKD").replace(MARKS, "").replace(/&/g, " and ").replace(NON_ALNUM, " ").trim();
}
var PLAIN_EMAIL = /^[a-z0-9._%-]+@[a-z0-9.-]+$/;
var DOTLESS_DOMAINS = /* @__PURE__ */ new Set(["gmail.com", "googlemail.com"]);
function normalizeEmail(value) {
  if (typeof value !== "string") return null;
  if (PLAIN_EMAIL.test(value) && !DOTLESS_DOMAINS.has(value.slice(value.indexOf("@") + 1))) {
    return value;
  }
  let text4 = value.trim().toLowerCase();
  text4 = text4.replace(/^(?:mailto:)+/, "");
  const at = text4.indexOf("@");
  if (at <= 0 || at !== text4.lastIndexOf("@") || at === text4.length - 1) return null;
  let local = text4.slice(0, at);
  let domain = text4.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (DOTLESS_DOMAINS.has(domain)) {
    domain = "gmail.com";
    local = local.replace(/\./g, "");
  }
  if (!local || /\s/.test(local) || /\s/.test(domain)) return null;
  return `${local}@${domain}`;
}
var PLACEHOLDER_LOCAL_PARTS = /* @__PURE__ */ new Set([
  "test",
  "asdf",
  "qwerty",
  "abc",
  "x",
  "xx",
  "xxx",
  "na",
  "none",
  "noemail",
  "no-email",
  "nomail",
  "fake",
  "null",
  "example",
  "noreply",
  "no-reply"
]);
function matchableEmail(value) {
  const email = normalizeEmail(value);
  if (!email) return null;
  return PLACEHOLDER_LOCAL_PARTS.has(email.slice(0, email.indexOf("@"))) ? null : email;
}
function emailMatchKey(email, first, last) {
  const normal = normalizeEmail(email);
  if (!normal) return null;
  if (!PLACEHOLDER_LOCAL_PARTS.has(normal.slice(0, normal.indexOf("@")))) return normal;
  const person = normalizePersonName(first, last);
  return person ? `${normal}|${person}` : null;
}
function emailDomain(value) {
  const email = normalizeEmail(value);
  return email ? email.slice(email.indexOf("@") + 1) : null;
}
function websiteDomain(value) {
  if (typeof value !== "string") return null;
  const host = value.trim().toLowerCase().replace(/^[a-z]+:\/\//, "").replace(/^www\./, "").split(/[/?#:]/)[0];
  return host && host.includes(".") && !/\s/.test(host) ? host : null;
}
var FREE_MAIL_DOMAINS = /* @__PURE__ */ new Set([
  "gmail.com",
  "yahoo.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "msn.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "proton.me",
  "protonmail.com",
  "yandex.ru",
  "mail.ru",
  "qq.com",
  "163.com",
  "mailinator.com"
]);
var COMPANY_SUFFIXES = /* @__PURE__ */ new Set([
  "inc",
  "incorporated",
  "llc",
  "llp",
  "lp",
  "ltd",
  "limited",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "gmbh",
  "ag",
  "kg",
  "se",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "ab",
  "as",
  "oy",
  "pty",
  "pte",
  "kk"
]);
function normalizeCompany(value) {
  if (typeof value !== "string") return null;
  let cached = companyCache.get(value);
  if (cached === void 0) {
    cached = companyOf(value);
    if (companyCache.size >= TEXT_CACHE_LIMIT) companyCache.clear();
    companyCache.set(value, cached);
  }
  return cached;
}
var companyCache = /* @__PURE__ */ new Map();
function companyOf(value) {
  const words = normalizeText(value).split(" ").filter(Boolean);
  if (!words.length) return null;
  while (words.length > 1 && words[0] === "the") words.shift();
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1])) words.pop();
  return words.join(" ");
}
function normalizePersonName(first, last) {
  const lastName = normalizeText(last);
  if (!lastName) return null;
  const firstName = normalizeText(first);
  return firstName ? `${firstName} ${lastName}` : lastName;
}
var CALLING_CODES = {
  "united states": "1",
  usa: "1",
  us: "1",
  canada: "1",
  "united kingdom": "44",
  uk: "44",
  "great britain": "44",
  germany: "49",
  deutschland: "49",
  france: "33",
  netherlands: "31",
  spain: "34",
  italy: "39",
  australia: "61",
  brazil: "55",
  india: "91",
  japan: "81",
  mexico: "52",
  ireland: "353",
  switzerland: "41",
  austria: "43",
  sweden: "46"
};
function normalizePhone(value, country) {
  if (typeof value !== "string" && typeof value !== "number") return null;
  const text4 = String(value).trim().toLowerCase().replace(/\s*(?:ext\.?|extension|x|#)\s*\d+$/, "");
  const international = text4.startsWith("+") || text4.startsWith("00");
  let digits2 = text4.replace(/\D+/g, "");
  if (international) {
    if (text4.startsWith("00")) digits2 = digits2.slice(2);
  } else {
    const code = CALLING_CODES[normalizeText(country)] ?? "1";
    if (code === "1") {
      if (digits2.length === 11 && digits2.startsWith("1")) digits2 = digits2.slice(1);
      if (digits2.length !== 10) return null;
    } else {
      digits2 = digits2.replace(/^0/, "");
    }
    digits2 = code + digits2;
  }
  return digits2.length >= 8 && digits2.length <= 15 && digits2[0] !== "0" ? `+${digits2}` : null;
}

// core/src/hygiene/records.ts
var HYGIENE_FIELDS = {
  User: HYGIENE_READS.User,
  Group: HYGIENE_READS.Group,
  Contact: HYGIENE_READS.Contact,
  Account: HYGIENE_READS.Account,
  Opportunity: HYGIENE_READS.Opportunity,
  Task: HYGIENE_READS.Task,
  Event: HYGIENE_READS.Event
};
function flat3(record) {
  const fields = record?.fields;
  if (fields && typeof fields === "object" && !Array.isArray(fields)) {
    return { Id: record.id, ...fields };
  }
  return record ?? {};
}
function str4(value) {
  const v = fieldValue(value);
  return typeof v === "string" && v !== "" ? v : null;
}
function bool2(value) {
  const v = fieldValue(value);
  if (typeof v === "boolean") return v;
  if (v === "true") return true;
  if (v === "false") return false;
  return null;
}
function related(record, parent, field) {
  const column = str4(record[`${parent}.${field}`]);
  if (column !== null) return column;
  const node = fieldValue(record[parent]);
  return node && typeof node === "object" ? str4(flat3(node)[field]) : null;
}
function userFromRecord(record) {
  const r = flat3(record);
  return { id: str4(r.Id) ?? "", name: str4(r.Name) ?? "", isActive: bool2(r.IsActive) !== false };
}
function queueFromRecord(record) {
  const r = flat3(record);
  return { id: str4(r.Id) ?? "", name: str4(r.Name) ?? "", developerName: str4(r.DeveloperName) };
}
function contactFromRecord(record) {
  const r = flat3(record);
  return {
    id: str4(r.Id) ?? "",
    firstName: str4(r.FirstName),
    lastName: str4(r.LastName) ?? "",
    email: str4(r.Email),
    accountId: str4(r.AccountId),
    accountName: related(r, "Account", "Name"),
    createdDate: str4(r.CreatedDate)
  };
}
function accountFromRecord(record) {
  const r = flat3(record);
  return { id: str4(r.Id) ?? "", name: str4(r.Name) ?? "", website: str4(r.Website) };
}
function opportunityFromRecord(record) {
  const r = flat3(record);
  const stageName = str4(r.StageName) ?? "";
  const closedByStage = /^closed\b/i.test(stageName);
  return {
    id: str4(r.Id) ?? "",
    name: str4(r.Name) ?? "",
    accountId: str4(r.AccountId),
    stageName,
    isClosed: bool2(r.IsClosed) ?? closedByStage,
    isWon: bool2(r.IsWon) ?? (closedByStage && /\bwon\b/i.test(stageName)),
    createdDate: str4(r.CreatedDate) ?? ""
  };
}
function hygieneActivityFromRecord(record, kind) {
  const r = flat3(record);
  return {
    ...activityFromRecord(r, kind),
    description: str4(r.Description),
    isClosed: kind === "Task" ? bool2(r.IsClosed) : null,
    startDateTime: kind === "Event" ? str4(r.StartDateTime) : null
  };
}
function hygieneSnapshotFromRecords(records) {
  const list = (object) => records?.[object] ?? [];
  return {
    leads: list("Lead").map((r) => leadFromRecord(flat3(r))),
    users: list("User").map(userFromRecord),
    queues: list("Group").map(queueFromRecord),
    contacts: list("Contact").map(contactFromRecord),
    accounts: list("Account").map(accountFromRecord),
    opportunities: list("Opportunity").map(opportunityFromRecord),
    tasks: list("Task").map((r) => hygieneActivityFromRecord(r, "Task")),
    events: list("Event").map((r) => hygieneActivityFromRecord(r, "Event"))
  };
}

// core/src/hygiene/check.ts
function evidence(dates, values = {}, related3 = []) {
  return { dates, values, related: related3 };
}
function ownerRecord(facts) {
  const o = facts.owner;
  if (o.kind === "user")
    return [{ object: "User", id: o.user.id, name: o.user.name, role: "owner" }];
  if (o.kind === "queue") {
    return [{ object: "Group", id: o.queue.id, name: o.queue.name, role: "owner (queue)" }];
  }
  return [];
}
function lastTouchRecord(facts) {
  const a = facts.touch?.activity;
  return a ? [{ object: a.kind, id: a.id, name: a.subject, role: "last touch" }] : [];
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

// core/src/hygiene/settings.ts
var DAY_THRESHOLDS = [
  "followUpSlaDays",
  "qualifiedUntouchedDays",
  "deadAfterDays",
  "hotInMarketingDays"
];
var MAX_DAYS = 3650;
var TOGGLES = [
  "matchDuplicateEmail",
  "matchDuplicatePerson",
  "matchDuplicatePhone",
  "matchDuplicateContact"
];
var STATUS_LISTS = [
  "openStatuses",
  "workingStatuses",
  "qualifiedStatuses",
  "disqualifiedStatuses",
  "salesReadyTiers"
];
function hygieneSettingsIssues(settings) {
  if (!settings || typeof settings !== "object") return ["settings must be an object."];
  const issues = [];
  const name = (key) => `${SETTINGS.fields[key]} (${key})`;
  for (const key of DAY_THRESHOLDS) {
    const value = settings[key];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_DAYS) {
      issues.push(
        `${name(key)} must be a number of days from 0 to ${MAX_DAYS}, not ${JSON.stringify(value) ?? "undefined"}.`
      );
    }
  }
  for (const key of TOGGLES) {
    const value = settings[key];
    if (typeof value !== "boolean") {
      issues.push(
        `${name(key)} must be true or false, not ${JSON.stringify(value) ?? "undefined"}.`
      );
    }
  }
  for (const key of STATUS_LISTS) {
    const value = settings[key];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
      issues.push(
        `${name(key)} must be a list of values, not ${JSON.stringify(value) ?? "undefined"}.`
      );
    }
  }
  for (const key of ["nurtureQueue", "nurturingStatus"]) {
    if (typeof settings[key] !== "string" || !settings[key]) {
      issues.push(
        `${name(key)} must be set, not ${JSON.stringify(settings[key]) ?? "undefined"}.`
      );
    }
  }
  return issues;
}

// core/src/hygiene/positionTable.ts
var PositionTable = class {
  /** `keys[i]` is the text at position i; room for `capacity` distinct texts. */
  constructor(keys, capacity) {
    __publicField(this, "keys", keys);
    __publicField(this, "slots");
    __publicField(this, "mask");
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
  }
  /** The position first added with this text, or -1. */
  find(text4) {
    const { slots, mask, keys } = this;
    let slot = hashText(text4) & mask;
    let at = slots[slot];
    while (at >= 0 && keys[at] !== text4) {
      slot = slot + 1 & mask;
      at = slots[slot];
    }
    return at;
  }
  /** Adds position i (its text `keys[i]`) unless the text is there: then its first position. */
  add(i) {
    const { slots, mask, keys } = this;
    const text4 = keys[i];
    let slot = hashText(text4) & mask;
    let at = slots[slot];
    while (at >= 0 && keys[at] !== text4) {
      slot = slot + 1 & mask;
      at = slots[slot];
    }
    if (at >= 0) return at;
    slots[slot] = i;
    return -1;
  }
};
function hashText(text4) {
  let h = 2166136261;
  for (let i = 0; i < text4.length; i++) {
    h ^= text4.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

// core/src/hygiene/context.ts
var AUDITED = 0;
var NO_ID = 1;
var REPEATED_ID = 2;
function leadName(lead) {
  const person = [lead.firstName, lead.lastName].filter(Boolean).join(" ");
  return lead.company ? `${person} (${lead.company})` : person;
}
function wholeDays(fromMs, toMs) {
  return Math.floor((toMs - fromMs) / MS_PER_DAY);
}
function activityMs(activity) {
  const date = activity.activityDate ?? activity.createdDate;
  return toEpochMs(date);
}
function isDone(activity) {
  if (activity.kind === "Event") return true;
  if (activity.isClosed === true || activity.isClosed === false) return activity.isClosed;
  return activity.status === "Completed";
}
function indexLeads(leads) {
  const leadState = new Uint8Array(leads.length);
  const ids = leads.map((lead) => lead && typeof lead === "object" ? lead.id : null);
  const leadIndex = new PositionTable(ids, leads.length);
  for (let i = 0; i < leads.length; i++) {
    if (!ids[i] || typeof ids[i] !== "string") leadState[i] = NO_ID;
    else if (leadIndex.add(i) >= 0) leadState[i] = REPEATED_ID;
  }
  return { leadState, leadIndex };
}
function latestTouches(snapshot, leadIndex, nowMs) {
  const touchMs = new Float64Array(snapshot.leads.length).fill(Number.NaN);
  const touchActivity = new Array(snapshot.leads.length).fill(null);
  for (const list of [snapshot.tasks, snapshot.events]) {
    for (const activity of list) {
      if (!activity?.whoId || !isDone(activity)) continue;
      const ms = activityMs(activity);
      if (!(ms <= nowMs)) continue;
      const i = leadIndex.find(activity.whoId);
      if (i < 0) continue;
      const seenMs = touchMs[i];
      const later = !(seenMs === seenMs) || ms > seenMs || ms === seenMs && activity.id < touchActivity[i].id;
      if (later) {
        touchMs[i] = ms;
        touchActivity[i] = activity;
      }
    }
  }
  return { touchMs, touchActivity };
}
function owners(users, queues) {
  const known = /* @__PURE__ */ new Map();
  for (const queue of queues.values()) known.set(queue.id, { kind: "queue", queue });
  for (const user of users.values()) known.set(user.id, { kind: "user", user });
  const nobody = { kind: "missing", id: null };
  return (ownerId) => {
    if (!ownerId) return nobody;
    let owner = known.get(ownerId);
    if (!owner) {
      owner = { kind: "missing", id: ownerId };
      known.set(ownerId, owner);
    }
    return owner;
  };
}
function buildContext(snapshot, settings, now) {
  const nowMs = now.getTime();
  const users = /* @__PURE__ */ new Map();
  for (const user of snapshot.users) if (user?.id) users.set(user.id, user);
  const queues = /* @__PURE__ */ new Map();
  let nurtureQueueId = null;
  for (const queue of snapshot.queues) {
    if (!queue?.id) continue;
    queues.set(queue.id, queue);
    const setting = settings.nurtureQueue;
    if (queue.developerName === setting || queue.id === setting || queue.name === setting) {
      nurtureQueueId = queue.id;
    }
  }
  const stages = /* @__PURE__ */ new Map();
  for (const s of settings.openStatuses) stages.set(s, "open");
  for (const s of settings.workingStatuses) stages.set(s, "working");
  for (const s of settings.qualifiedStatuses) stages.set(s, "qualified");
  stages.set(settings.nurturingStatus, "nurturing");
  for (const s of settings.disqualifiedStatuses) stages.set(s, "disqualified");
  const cache = /* @__PURE__ */ new Map();
  const { leadState, leadIndex } = indexLeads(snapshot.leads);
  return {
    shared: (name, build) => {
      if (!cache.has(name)) cache.set(name, build());
      return cache.get(name);
    },
    settings,
    now,
    nowMs,
    today: now.toISOString().slice(0, 10),
    users,
    queues,
    nurtureQueueId,
    snapshot,
    stageOf: (status, isConverted) => isConverted ? "converted" : stages.get(status ?? "") ?? "other",
    leadState,
    leadIndex,
    ...latestTouches(snapshot, leadIndex, nowMs),
    ownerOf: owners(users, queues)
  };
}
function leadFacts2(ctx, lead, index) {
  const stage = ctx.stageOf(lead.status, lead.isConverted);
  const activityMs2 = ctx.touchMs[index];
  let touch = activityMs2 === activityMs2 ? { ms: activityMs2, activity: ctx.touchActivity[index] } : null;
  if (lead.lastActivityDate) {
    const platformMs = toEpochMs(lead.lastActivityDate);
    if (platformMs <= ctx.nowMs && (!touch || platformMs > touch.ms)) {
      touch = { ms: platformMs, activity: null };
    }
  }
  const createdMs = toEpochMs(lead.createdDate);
  return {
    lead,
    index,
    stage,
    isOpen: stage !== "converted" && stage !== "disqualified",
    owner: ctx.ownerOf(lead.ownerId),
    createdMs,
    touch,
    daysIdle: wholeDays(touch ? touch.ms : createdMs, ctx.nowMs)
  };
}

// core/src/hygiene/checks/indexes.ts
function addTo(map, key, value) {
  if (key === null || key === "") return;
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
var byId = (a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
function personAtCompany(first, last, company) {
  return first ? personKey(first, last, normalizeCompany(company)) : null;
}
function leadKeys(ctx, kind) {
  return ctx.shared(`leadKeys:${kind}`, () => {
    const leads = ctx.snapshot.leads;
    const keys = new Array(leads.length).fill(null);
    const audited = (i) => ctx.leadState[i] === AUDITED;
    if (kind === "company") {
      const seen = /* @__PURE__ */ new Map();
      for (let i = 0; i < leads.length; i++) {
        if (!audited(i)) continue;
        const company = leads[i].company;
        let key = seen.get(company);
        if (key === void 0) {
          key = normalizeCompany(company);
          seen.set(company, key);
        }
        keys[i] = key;
      }
    } else if (kind === "person") {
      const companies = leadKeys(ctx, "company");
      for (let i = 0; i < leads.length; i++) {
        const l = leads[i];
        if (audited(i) && l.firstName)
          keys[i] = personKey(l.firstName, l.lastName, companies[i]);
      }
    } else {
      for (let i = 0; i < leads.length; i++) {
        if (!audited(i)) continue;
        const l = leads[i];
        keys[i] = kind === "email" ? emailMatchKey(l.email, l.firstName, l.lastName) : normalizePhone(l.phone, l.country);
      }
    }
    return keys;
  });
}
function personKey(first, last, org) {
  if (!org) return null;
  const person = normalizePersonName(first, last);
  return person ? `${person}|${org}` : null;
}
function leadGroups(ctx, kind) {
  return ctx.shared(`leadGroups:${kind}`, () => {
    const keys = leadKeys(ctx, kind);
    const leads = ctx.snapshot.leads;
    const n = keys.length;
    const head = new Int32Array(n).fill(-1);
    const size = new Int32Array(n);
    const next = new Int32Array(n).fill(-1);
    const tail = new Int32Array(n);
    const table = new PositionTable(keys, n);
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      if (key === null || key === "" || leads[i].isConverted) continue;
      const h = table.add(i);
      if (h < 0) {
        head[i] = i;
        size[i] = 1;
        tail[i] = i;
      } else {
        head[i] = h;
        size[h] += 1;
        next[tail[h]] = i;
        tail[h] = i;
      }
    }
    return { head, size, next };
  });
}
function groupMembers(groups2, h) {
  const out = [];
  for (let i = h; i >= 0; i = groups2.next[i]) out.push(i);
  return out;
}
function contactIndex(ctx) {
  return ctx.shared("contacts", () => {
    const accountNames = accountIndex(ctx).byId;
    const byEmail = /* @__PURE__ */ new Map();
    const byPerson = /* @__PURE__ */ new Map();
    for (const c of ctx.snapshot.contacts) {
      if (!c?.id) continue;
      addTo(byEmail, emailMatchKey(c.email, c.firstName, c.lastName), c);
      const company = c.accountName ?? accountNames.get(c.accountId ?? "")?.name;
      addTo(byPerson, personAtCompany(c.firstName, c.lastName, company), c);
    }
    for (const list of [...byEmail.values(), ...byPerson.values()]) list.sort(byId);
    return { byEmail, byPerson };
  });
}
var isDeal = (o) => !o.isClosed || o.isWon;
function accountIndex(ctx) {
  return ctx.shared("accounts", () => {
    const accounts = /* @__PURE__ */ new Map();
    const byDomain = /* @__PURE__ */ new Map();
    const byName = /* @__PURE__ */ new Map();
    for (const a of ctx.snapshot.accounts) {
      if (!a?.id) continue;
      accounts.set(a.id, a);
      const domain = websiteDomain(a.website);
      if (domain && !FREE_MAIL_DOMAINS.has(domain)) addTo(byDomain, domain, a);
      addTo(byName, normalizeCompany(a.name), a);
    }
    for (const list of [...byDomain.values(), ...byName.values()]) list.sort(byId);
    const latestDeal = /* @__PURE__ */ new Map();
    for (const o of ctx.snapshot.opportunities) {
      if (!o?.accountId || !isDeal(o)) continue;
      const seen = latestDeal.get(o.accountId);
      const ms = toEpochMs(o.createdDate);
      const seenMs = seen ? toEpochMs(seen.createdDate) : Number.NaN;
      const later = !seen || ms > seenMs || ms === seenMs && o.id < seen.id;
      if (later) latestDeal.set(o.accountId, o);
    }
    return { byId: accounts, byDomain, byName, latestDeal };
  });
}

// core/src/hygiene/checks/duplicates.ts
var MAX_NAMED = 10;
var STAGE_RANK = {
  qualified: 4,
  working: 3,
  open: 2,
  nurturing: 2,
  other: 1,
  disqualified: 0,
  converted: 0
};
function master(ctx, group) {
  const leads = ctx.snapshot.leads;
  const rank = (i) => STAGE_RANK[ctx.stageOf(leads[i].status, leads[i].isConverted)];
  const touched = (i) => {
    const ms = ctx.touchMs[i];
    return ms === ms ? ms : -Infinity;
  };
  const created = (i) => toEpochMs(leads[i].createdDate) || 0;
  let best = group[0];
  for (const i of group) {
    const d = rank(i) - rank(best) || touched(i) - touched(best) || created(best) - created(i) || (leads[i].id < leads[best].id ? 1 : -1);
    if (d > 0) best = i;
  }
  return best;
}
function leadGroupCheck(id, severity, title, match, enabled, keyKind, explanation) {
  return {
    id,
    severity,
    title,
    explanation,
    settings: [enabled],
    prepare: (ctx) => {
      if (ctx.settings[enabled] === false) return () => null;
      const leads = ctx.snapshot.leads;
      const sentence = `${match[0].toUpperCase()}${match.slice(1)}`;
      const masterRole = `${match} (suggested master)`;
      const keys = leadKeys(ctx, keyKind);
      const groups2 = leadGroups(ctx, keyKind);
      const seen = /* @__PURE__ */ new Map();
      const groupAt = (h) => {
        let group = seen.get(h);
        if (!group) {
          const members = groupMembers(groups2, h).sort(
            (a, b) => byId(leads[a], leads[b])
          );
          group = { members, keep: leads[master(ctx, members)] };
          seen.set(h, group);
        }
        return group;
      };
      return (f) => {
        if (!f.isOpen) return null;
        const h = groups2.head[f.index];
        if (h < 0 || groups2.size[h] < 2) return null;
        const { members, keep } = groupAt(h);
        const others = [];
        for (const i of members) {
          if (others.length === MAX_NAMED) break;
          if (i !== f.index) others.push(leads[i]);
        }
        const count2 = members.length - 1;
        const key = keys[f.index];
        const related3 = others.map((l) => ({
          object: "Lead",
          id: l.id,
          name: leadName(l),
          role: l.id === keep.id ? masterRole : match
        }));
        const names = others.slice(0, 3).map((l) => leadName(l)).join(", ");
        const isMaster = keep.id === f.lead.id;
        return {
          detail: `${sentence} as ${plural(count2, "other lead")}: ${names}${count2 > 3 ? ", \u2026" : ""}.`,
          evidence: evidence(
            { createdDate: f.lead.createdDate ?? null },
            { matchKey: key, duplicates: count2, masterId: keep.id },
            related3
          ),
          fix: {
            kind: "merge-duplicate",
            targetId: keep.id,
            text: isMaster ? "Keep this lead as the master and close the others as its duplicates." : `Close it as a duplicate of ${leadName(keep)} (the suggested master).`
          }
        };
      };
    }
  };
}
var duplicateEmail = leadGroupCheck(
  "duplicate-email",
  "medium",
  "Duplicate: same email",
  "same email",
  "matchDuplicateEmail",
  "email",
  "Another lead has the same email address (ignoring case, +tags and Gmail dots; a placeholder such as test@\u2026 only counts with the same name). Two reps may be calling the same person, or one was entered twice for credit."
);
var duplicatePerson = leadGroupCheck(
  "duplicate-person",
  "medium",
  "Duplicate: same person at the same company",
  "same person at the same company",
  "matchDuplicatePerson",
  "person",
  "Another lead has the same first and last name at the same company (legal forms such as Inc or GmbH ignored), even if the email differs."
);
var duplicatePhone = leadGroupCheck(
  "duplicate-phone",
  "low",
  "Duplicate: same phone",
  "same phone",
  "matchDuplicatePhone",
  "phone",
  "Another lead has the same phone number once both are written in international (E.164) form."
);
var duplicateOfContact = {
  id: "duplicate-of-contact",
  severity: "medium",
  title: "Duplicate of an existing contact",
  explanation: "The person is already a Contact (same email, or same name at the same account). Work them as the contact; the lead is a duplicate.",
  settings: ["matchDuplicateContact"],
  prepare: (ctx) => {
    if (!ctx.settings.matchDuplicateContact) return () => null;
    const contacts = contactIndex(ctx);
    const emails = leadKeys(ctx, "email");
    const persons = leadKeys(ctx, "person");
    return (f) => {
      if (!f.isOpen) return null;
      const email = emails[f.index];
      const byEmail = email ? contacts.byEmail.get(email) : void 0;
      const person = byEmail ? null : persons[f.index];
      const found = byEmail ?? (person ? contacts.byPerson.get(person) : void 0);
      if (!found) return null;
      const contact = found[0];
      const contactName = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
      const how = byEmail ? "same email" : "same person at the same account";
      return {
        detail: `Already a contact: ${contactName}${contact.accountName ? ` at ${contact.accountName}` : ""} (${how}).`,
        evidence: evidence(
          {
            createdDate: f.lead.createdDate ?? null,
            contactCreated: contact.createdDate ?? null
          },
          { match: how, contacts: found.length },
          found.slice(0, MAX_NAMED).map((c) => ({
            object: "Contact",
            id: c.id,
            name: [c.firstName, c.lastName].filter(Boolean).join(" "),
            role: how
          }))
        ),
        fix: {
          kind: "merge-duplicate",
          targetId: contact.id,
          text: `Close the lead as a duplicate of the contact ${contactName} and work the contact.`
        }
      };
    };
  }
};

// core/src/hygiene/checks/movedOn.ts
function related2(account, deal, contact) {
  const out = [];
  if (contact) {
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
    out.push({ object: "Contact", id: contact.id, name, role: "same person" });
  }
  if (account)
    out.push({ object: "Account", id: account.id, name: account.name, role: "account" });
  out.push({ object: "Opportunity", id: deal.id, name: deal.name, role: "deal" });
  return out;
}
var dealMovedOn = {
  id: "deal-moved-on",
  severity: "high",
  title: "Deal moved on, lead still open",
  explanation: "The business already has a deal: the person is a contact on an account with an opportunity, or the company is a customer account that opened an opportunity after this lead qualified. The lead should be marked as moved on (once it is, with its link to the contact or deal, it is no longer flagged).",
  settings: ["qualifiedStatuses", "disqualifiedStatuses"],
  prepare: (ctx) => {
    const contacts = contactIndex(ctx);
    const accounts = accountIndex(ctx);
    const emails = leadKeys(ctx, "email");
    const viaContact = (f) => {
      const email = emails[f.index];
      for (const contact of email && contacts.byEmail.get(email) || []) {
        const deal = contact.accountId ? accounts.latestDeal.get(contact.accountId) : void 0;
        if (deal)
          return { contact, deal, account: accounts.byId.get(deal.accountId ?? "") };
      }
      return null;
    };
    const companies = leadKeys(ctx, "company");
    const none = [];
    const viaAccount = (f) => {
      if (f.stage !== "qualified") return null;
      const qualifiedMs = toEpochMs(f.lead.statusChangedAt ?? f.lead.createdDate);
      const domain = emailDomain(f.lead.email);
      const company = companies[f.index];
      const byDomain = domain && !FREE_MAIL_DOMAINS.has(domain) && accounts.byDomain.get(domain) || none;
      const byName = company && accounts.byName.get(company) || none;
      for (const list of [byDomain, byName]) {
        for (const account of list) {
          const deal = accounts.latestDeal.get(account.id);
          if (deal && toEpochMs(deal.createdDate) > qualifiedMs) {
            const by = byDomain.includes(account) ? "email domain" : "company name";
            return { deal, account, by };
          }
        }
      }
      return null;
    };
    return (f) => {
      if (!f.isOpen || f.lead.movedOnOpportunityId || f.lead.movedOnContactId) return null;
      const hit = viaContact(f);
      if (hit) {
        const who = [hit.contact.firstName, hit.contact.lastName].filter(Boolean).join(" ");
        return {
          detail: `${who} is already a contact${hit.account ? ` at ${hit.account.name}` : ""} with the deal ${hit.deal.name} (${hit.deal.stageName}).`,
          evidence: evidence(
            {
              createdDate: f.lead.createdDate ?? null,
              dealCreated: hit.deal.createdDate
            },
            {
              status: f.lead.status,
              match: "contact email",
              stage: hit.deal.stageName
            },
            related2(hit.account, hit.deal, hit.contact)
          ),
          fix: {
            kind: "mark-moved-on",
            targetId: hit.deal.id,
            text: `Mark the lead as moved on, linked to ${hit.deal.name}.`
          }
        };
      }
      const viaAcct = viaAccount(f);
      if (!viaAcct) return null;
      return {
        detail: `${viaAcct.account.name} (matched by ${viaAcct.by}) opened the deal ${viaAcct.deal.name} after this lead qualified.`,
        evidence: evidence(
          {
            qualifiedAt: f.lead.statusChangedAt ?? null,
            dealCreated: viaAcct.deal.createdDate
          },
          { status: f.lead.status, match: viaAcct.by, stage: viaAcct.deal.stageName },
          related2(viaAcct.account, viaAcct.deal)
        ),
        fix: {
          kind: "mark-moved-on",
          targetId: viaAcct.deal.id,
          text: `Mark the lead as moved on, linked to ${viaAcct.deal.name}.`
        }
      };
    };
  }
};

// core/src/hygiene/checks/ownership.ts
var ownerInactive = {
  id: "owner-inactive",
  severity: "high",
  title: "Owner has left",
  explanation: "The lead belongs to a user who is no longer active (the rep left), so nobody will follow it up until it is reassigned.",
  settings: ["disqualifiedStatuses"],
  prepare: () => (f) => {
    if (!f.isOpen || f.owner.kind !== "user" || f.owner.user.isActive) return null;
    return {
      detail: `Owned by ${f.owner.user.name}, who is no longer an active user.`,
      evidence: evidence(
        { createdDate: f.lead.createdDate ?? null },
        { status: f.lead.status, ownerActive: false },
        ownerRecord(f)
      ),
      fix: { kind: "reassign", text: "Reassign it to an active rep." }
    };
  }
};
var ownerCannotAct = {
  id: "owner-cannot-act",
  severity: "high",
  title: "Owned by nobody who can act",
  explanation: "The lead has no owner the audit can find, or sits in a queue other than the marketing nurture queue while its status says sales is working it.",
  settings: ["nurtureQueue", "workingStatuses", "qualifiedStatuses"],
  prepare: (ctx) => (f) => {
    if (!f.isOpen) return null;
    const o = f.owner;
    if (o.kind === "missing") {
      return {
        detail: o.id ? `Its owner (${o.id}) is neither a user nor a queue.` : "It has no owner.",
        evidence: evidence(
          { createdDate: f.lead.createdDate ?? null },
          { status: f.lead.status, ownerId: o.id }
        ),
        fix: { kind: "reassign", text: "Assign it to an active rep." }
      };
    }
    const salesStatus = f.stage === "working" || f.stage === "qualified";
    if (o.kind !== "queue" || !salesStatus || o.queue.id === ctx.nurtureQueueId) return null;
    return {
      detail: `Status ${f.lead.status} says sales is working it, but it sits in the queue ${o.queue.name}.`,
      evidence: evidence(
        { createdDate: f.lead.createdDate ?? null },
        { status: f.lead.status },
        ownerRecord(f)
      ),
      fix: { kind: "reassign", text: "Assign it to the rep who works it." }
    };
  }
};
var hotInMarketingQueue = {
  id: "hot-in-marketing-queue",
  severity: "critical",
  title: "Hot lead stuck in the marketing queue",
  explanation: "The lead scores Hot but still sits in the marketing nurture queue, where no rep sees it. Hot leads should reach sales within days.",
  settings: ["hotInMarketingDays", "nurtureQueue"],
  prepare: (ctx) => (f) => {
    const limit = ctx.settings.hotInMarketingDays;
    if (!f.isOpen || f.lead.tier !== "Hot") return null;
    if (f.owner.kind !== "queue" || f.owner.queue.id !== ctx.nurtureQueueId) return null;
    const since = f.lead.handedBackAt ?? f.lead.createdDate;
    const days = wholeDays(toEpochMs(since), ctx.nowMs);
    if (!(days >= limit)) return null;
    return {
      detail: `Hot (score ${f.lead.score ?? "?"}) and in ${f.owner.queue.name} for ${plural(days, "day")} (limit ${plural(limit, "day")}).`,
      evidence: evidence(
        {
          inQueueSince: since ?? null,
          handedBackAt: f.lead.handedBackAt ?? null,
          scoredAt: f.lead.scoredAt ?? null
        },
        { tier: "Hot", score: f.lead.score ?? null, daysInQueue: days, threshold: limit },
        ownerRecord(f)
      ),
      fix: { kind: "return-to-sales", text: "Route it to a rep now." }
    };
  }
};
var nurtureDatePassed = {
  id: "nurture-date-passed",
  severity: "low",
  title: "Nurture date passed",
  explanation: "The lead was handed back to marketing until a date that has passed. Decide: back to sales if it is ready, or a new nurture date.",
  settings: ["nurturingStatus", "nurtureQueue", "salesReadyTiers"],
  prepare: (ctx) => {
    const ready = new Set(ctx.settings.salesReadyTiers);
    return (f) => {
      const until = f.lead.nurtureUntil;
      if (!f.isOpen || !until || !(until.slice(0, 10) < ctx.today)) return null;
      const inNurture = f.stage === "nurturing" || f.owner.kind === "queue" && f.owner.queue.id === ctx.nurtureQueueId;
      if (!inNurture) return null;
      const isReady = f.lead.tier ? ready.has(f.lead.tier) : f.lead.salesReady === true;
      return {
        detail: `Nurture until ${until.slice(0, 10)}, which has passed; it is ${f.lead.tier ?? "not scored"} now.`,
        evidence: evidence(
          { nurtureUntil: until, handedBackAt: f.lead.handedBackAt ?? null },
          {
            daysPast: wholeDays(toEpochMs(until.slice(0, 10)), toEpochMs(ctx.today)),
            tier: f.lead.tier ?? null
          },
          ownerRecord(f)
        ),
        fix: isReady ? { kind: "return-to-sales", text: "It is sales-ready: return it to sales." } : { kind: "review-nurture", text: "Set a new nurture date or close it." }
      };
    };
  }
};

// core/src/hygiene/checks/work.ts
var lastTouchDate = (f) => f.touch ? f.touch.activity?.activityDate ?? f.touch.activity?.createdDate ?? f.lead.lastActivityDate ?? null : null;
var touchDates = (f) => ({
  createdDate: f.lead.createdDate ?? null,
  lastTouch: lastTouchDate(f)
});
var idleText = (f) => f.touch ? `no touch for ${plural(f.daysIdle, "day")}` : `never touched in the ${plural(f.daysIdle, "day")} since it came in`;
var qualifiedNotWorked = {
  id: "qualified-not-worked",
  severity: "high",
  title: "Qualified but not worked",
  explanation: "The lead is marked qualified, but nobody has called, emailed or met it recently. Qualified leads that are not followed up go cold.",
  settings: ["qualifiedUntouchedDays", "qualifiedStatuses"],
  prepare: (ctx) => (f) => {
    const limit = ctx.settings.qualifiedUntouchedDays;
    if (f.stage !== "qualified" || !(f.daysIdle >= limit)) return null;
    return {
      detail: `Qualified, but ${idleText(f)} (limit ${plural(limit, "day")}).`,
      evidence: evidence(
        { ...touchDates(f), statusChangedAt: f.lead.statusChangedAt ?? null },
        { status: f.lead.status, daysWithoutTouch: f.daysIdle, threshold: limit },
        [...ownerRecord(f), ...lastTouchRecord(f)]
      ),
      fix: { kind: "work-it", text: "Call or email the lead today and log it." }
    };
  }
};
var untouchedPastSla = {
  id: "untouched-past-sla",
  severity: "high",
  title: "Untouched past the follow-up SLA",
  explanation: "A new lead owned by a rep has had no first touch within the follow-up SLA. Speed to first touch decides whether the lead still answers.",
  settings: ["followUpSlaDays", "openStatuses"],
  prepare: (ctx) => (f) => {
    const limit = ctx.settings.followUpSlaDays;
    if (f.stage !== "open" || f.owner.kind !== "user" || f.touch) return null;
    if (!(f.daysIdle >= limit)) return null;
    return {
      detail: `New for ${plural(f.daysIdle, "day")} with no first touch (SLA ${plural(limit, "day")}).`,
      evidence: evidence(
        touchDates(f),
        { status: f.lead.status, daysSinceCreated: f.daysIdle, threshold: limit },
        ownerRecord(f)
      ),
      fix: { kind: "work-it", text: "Make the first touch now: call, then email." }
    };
  }
};
var deadNoTouch = {
  id: "dead-no-touch",
  severity: "medium",
  title: "Dead: no touch for too long",
  explanation: "An open lead nobody has touched for this long is dead in practice. Close it, or hand it back to marketing to nurture, so the pipeline shows what is real.",
  settings: ["deadAfterDays", "nurturingStatus", "disqualifiedStatuses"],
  prepare: (ctx) => (f) => {
    const limit = ctx.settings.deadAfterDays;
    if (!f.isOpen || f.stage === "nurturing" || !(f.daysIdle >= limit)) return null;
    return {
      detail: `Open, and ${idleText(f)} (dead after ${plural(limit, "day")}).`,
      evidence: evidence(
        touchDates(f),
        { status: f.lead.status, daysWithoutTouch: f.daysIdle, threshold: limit },
        [...ownerRecord(f), ...lastTouchRecord(f)]
      ),
      fix: { kind: "close", text: "Close it as not converted, or hand it back to marketing." }
    };
  }
};
var NOT_A_FIT = /\b(?:not an? (?:good )?fit|no fit|not qualified|disqualif\w*|unqualified|not interested)\b/i;
var workedUnqualifiedOpen = {
  id: "worked-unqualified-open",
  severity: "medium",
  title: "Worked, found not a fit, still open",
  explanation: "The last activity on the lead says it is not a fit (or disqualified), but the lead was never closed, so it still counts as open pipeline.",
  settings: ["disqualifiedStatuses", "nurturingStatus"],
  prepare: () => (f) => {
    const last = f.touch?.activity;
    if (!f.isOpen || f.stage === "nurturing" || !last) return null;
    const outcome = [last.subject, last.description].filter(Boolean).join(" \u2014 ");
    if (!NOT_A_FIT.test(outcome)) return null;
    return {
      detail: `Last activity (${lastTouchDate(f)?.slice(0, 10)}) says "${outcome}", but the lead is still ${f.lead.status}.`,
      evidence: evidence(
        touchDates(f),
        { status: f.lead.status, outcome, daysSinceOutcome: f.daysIdle },
        [...lastTouchRecord(f), ...ownerRecord(f)]
      ),
      fix: { kind: "close", text: "Close the lead with the disqualified status." }
    };
  }
};
var handedToSalesUnqualified = {
  id: "handed-to-sales-unqualified",
  severity: "medium",
  title: "Handed to sales unqualified",
  explanation: "A rep owns the lead in a sales status, but it is below sales-ready and nobody qualified it: no call, email or meeting is logged. Marketing should qualify it first.",
  settings: ["salesReadyTiers", "workingStatuses", "qualifiedStatuses"],
  prepare: (ctx) => {
    const ready = new Set(ctx.settings.salesReadyTiers);
    return (f) => {
      if (f.stage !== "working" && f.stage !== "qualified") return null;
      if (f.owner.kind !== "user" || !f.owner.user.isActive || f.touch) return null;
      const tier = f.lead.tier ?? null;
      const salesReady = tier ? ready.has(tier) : f.lead.salesReady;
      if (salesReady !== false) return null;
      return {
        detail: `${f.owner.user.name} owns it as ${f.lead.status}, but it is ${tier ?? "not sales-ready"} and no activity is logged.`,
        evidence: evidence(
          { createdDate: f.lead.createdDate ?? null },
          { status: f.lead.status, tier, score: f.lead.score ?? null },
          ownerRecord(f)
        ),
        fix: {
          kind: "hand-back",
          text: "Hand it back to marketing to qualify and nurture."
        }
      };
    };
  }
};

// core/src/hygiene/registry.ts
var HYGIENE_CHECKS = [
  hotInMarketingQueue,
  qualifiedNotWorked,
  untouchedPastSla,
  ownerInactive,
  ownerCannotAct,
  dealMovedOn,
  duplicateEmail,
  duplicatePerson,
  duplicatePhone,
  duplicateOfContact,
  workedUnqualifiedOpen,
  deadNoTouch,
  handedToSalesUnqualified,
  nurtureDatePassed
];
var HYGIENE_CHECK_IDS = HYGIENE_CHECKS.map((c) => c.id);
function selectChecks(ids) {
  if (ids === void 0 || ids === null) return [...HYGIENE_CHECKS];
  if (!Array.isArray(ids)) {
    throw new HygieneInputError(
      `checks must be a list of check ids; known checks: ${HYGIENE_CHECK_IDS.join(", ")}.`
    );
  }
  const unknown = ids.filter((id) => !HYGIENE_CHECK_IDS.includes(id));
  if (unknown.length) {
    throw new HygieneInputError(
      `Unknown check id${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => JSON.stringify(id)).join(", ")}. Known checks: ${HYGIENE_CHECK_IDS.join(", ")}.`
    );
  }
  return HYGIENE_CHECKS.filter((c) => ids.includes(c.id));
}
var HygieneInputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "HygieneInputError";
  }
};

// core/src/hygiene/audit.ts
var SNAPSHOT_LISTS = [
  "leads",
  "users",
  "queues",
  "contacts",
  "accounts",
  "opportunities",
  "tasks",
  "events"
];
function checkedSnapshot(snapshot) {
  if (!snapshot || typeof snapshot !== "object") {
    throw new HygieneInputError(
      `The snapshot must be an object with ${SNAPSHOT_LISTS.join(", ")}.`
    );
  }
  if (!Array.isArray(snapshot.leads)) {
    throw new HygieneInputError(
      "The snapshot has no leads list (snapshot.leads must be an array)."
    );
  }
  const out = {};
  for (const key of SNAPSHOT_LISTS) {
    const list = snapshot[key];
    if (list !== void 0 && !Array.isArray(list)) {
      throw new HygieneInputError(`snapshot.${key} must be an array, not ${typeof list}.`);
    }
    out[key] = list ?? [];
  }
  return out;
}
function auditLeads(snapshot, settings, now, options = {}) {
  const checks = selectChecks(options?.checks);
  const onFinding = options?.onFinding;
  if (onFinding !== void 0 && typeof onFinding !== "function") {
    throw new HygieneInputError("onFinding must be a function.");
  }
  const issues = hygieneSettingsIssues(settings);
  if (issues.length) throw new HygieneInputError(`Settings are not usable: ${issues.join(" ")}`);
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
    throw new HygieneInputError("now must be a valid Date (the clock of the audit).");
  }
  const snap = checkedSnapshot(snapshot);
  const ctx = buildContext(snap, settings, now);
  const tests = checks.map((check) => check.prepare(ctx));
  const findings = [];
  const countsByCheck = Object.fromEntries(checks.map((c) => [c.id, 0]));
  const countsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const skipped = [];
  let leadsAudited = 0;
  let leadsWithFindings = 0;
  const leads = snap.leads;
  for (let index = 0; index < leads.length; index++) {
    const lead = leads[index];
    const state = ctx.leadState[index];
    if (state !== AUDITED) {
      skipped.push({
        index,
        reason: state === NO_ID ? "The lead has no Id." : `The lead ${lead.id} appears more than once.`
      });
      continue;
    }
    leadsAudited += 1;
    const facts = leadFacts2(ctx, lead, index);
    let name = null;
    for (let t = 0; t < tests.length; t++) {
      const draft = tests[t](facts);
      if (!draft) continue;
      const check = checks[t];
      name ??= leadName(lead);
      countsByCheck[check.id] += 1;
      countsBySeverity[check.severity] += 1;
      const finding = {
        leadId: lead.id,
        leadName: name,
        checkId: check.id,
        severity: check.severity,
        title: check.title,
        detail: draft.detail,
        evidence: draft.evidence,
        fix: draft.fix
      };
      if (onFinding) onFinding(finding);
      else findings.push(finding);
    }
    if (name !== null) leadsWithFindings += 1;
  }
  return {
    now: now.toISOString(),
    checks: checks.map((c) => c.id),
    leadsAudited,
    leadsWithFindings,
    findings,
    countsByCheck,
    countsBySeverity,
    skipped
  };
}

// core/src/hygiene/figures.ts
function auditRunFigures(snapshot, findings, settings, now) {
  return auditFigures(
    computeMetrics(
      {
        leads: snapshot.leads,
        activities: [...snapshot.tasks, ...snapshot.events],
        findings
      },
      { settings, now }
    )
  );
}

// core/src/hygiene/fixes/types.ts
var APPLICABLE_FIX_KINDS = [
  "reassign",
  "close",
  "merge-duplicate",
  "mark-moved-on"
];
var FixInputError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "FixInputError";
  }
};
var CHANGED_SINCE_PREVIEW = "changed by someone else since the preview";

// core/src/hygiene/fixes/plan.ts
function closeStatusOf(settings) {
  return settings.closeStatus || settings.disqualifiedStatuses[0] || null;
}
function isClosed(lead, settings, closeStatus) {
  return lead.isConverted === true || settings.disqualifiedStatuses.includes(lead.status) || closeStatus !== null && lead.status === closeStatus;
}
var text3 = (v) => v === null || v === void 0 || v === "" ? null : String(v);
function diff(lead, wanted) {
  const changes = [];
  for (const [key, to] of Object.entries(wanted)) {
    const from = text3(lead[key]);
    if (from !== to) changes.push({ field: LEAD_FIELDS[key], from, to });
  }
  return changes;
}
function checkedKind(kind) {
  if (!APPLICABLE_FIX_KINDS.includes(kind)) {
    throw new FixInputError(
      `"${kind}" is not a fix that changes records. Fixes: ${APPLICABLE_FIX_KINDS.join(", ")}.`
    );
  }
  return kind;
}
function reassign(targets, options) {
  const { to, roundRobin } = options;
  if (to && roundRobin) {
    throw new FixInputError("Reassign either to one owner or round-robin, not both.");
  }
  if (to) {
    if (!to.id) throw new FixInputError("The new owner has no id.");
    if (to.kind === "user" && to.isActive === false) {
      throw new FixInputError(`${to.name} is an inactive user and cannot own leads.`);
    }
    return () => ({ ownerId: to.id });
  }
  if (!roundRobin) {
    throw new FixInputError(
      "Reassign needs a new owner: a user, a queue, or round-robin over active reps."
    );
  }
  const dealt = assignRoundRobin(
    targets.filter((t) => !isClosed(t.lead, options.settings, null)),
    roundRobin.reps,
    roundRobin.cap
  );
  return new Map(
    dealt.map((r) => [
      r.item.lead.id,
      () => r.ok ? { ownerId: r.rep.id } : r.message
    ])
  );
}
function mergeDuplicate(leads, options, closeStatus) {
  const { settings, masterId } = options;
  if (masterId) {
    const master2 = leads.get(masterId);
    if (!master2) throw new FixInputError(`The master ${masterId} is not among the leads read.`);
    if (isClosed(master2, settings, closeStatus)) {
      throw new FixInputError(
        `The master ${leadName(master2)} (${masterId}) is itself ${master2.isConverted ? "converted" : `closed (${master2.status})`}; choose an open lead as the master.`
      );
    }
  }
  return ({ lead, findings }) => {
    const groupIds = new Set(
      findings.flatMap((f) => [
        f.fix.targetId,
        ...f.evidence.related.filter((r) => r.object !== "User").map((r) => r.id)
      ])
    );
    const targetId = masterId ?? findings.find((f) => f.fix.targetId)?.fix.targetId;
    if (!targetId) return "no master to close it in favour of";
    if (targetId === lead.id) return "it is the master";
    if (masterId && !groupIds.has(masterId)) return `not a duplicate of the master ${masterId}`;
    const related3 = findings.flatMap((f) => f.evidence.related).find((r) => r.id === targetId);
    if (related3?.object === "Contact") {
      return { status: closeStatus, movedOnContactId: targetId };
    }
    const master2 = leads.get(targetId);
    if (!master2) return `the master ${targetId} is not among the leads read`;
    if (isClosed(master2, settings, closeStatus)) {
      return `the master ${leadName(master2)} is itself ${master2.isConverted ? "converted" : "closed"}`;
    }
    return { status: closeStatus, duplicateOfId: targetId };
  };
}
function markMovedOn() {
  return ({ findings }) => {
    const related3 = findings.flatMap((f) => f.evidence.related);
    const opportunity = related3.find((r) => r.object === "Opportunity")?.id ?? null;
    const contact = related3.find((r) => r.object === "Contact")?.id ?? null;
    if (!opportunity && !contact) return "no contact or opportunity to link it to";
    return {
      ...opportunity ? { movedOnOpportunityId: opportunity } : {},
      ...contact ? { movedOnContactId: contact } : {}
    };
  };
}
function planFix(kind, findings, leads, options) {
  const fixKind = checkedKind(kind);
  if (!options?.settings) throw new FixInputError("planFix needs the settings.");
  const byId2 = new Map(leads.map((l) => [l.id, l]));
  const targets = /* @__PURE__ */ new Map();
  const skipped = [];
  for (const finding of findings) {
    if (finding.fix.kind !== fixKind) continue;
    const known = targets.get(finding.leadId);
    if (known) {
      known.findings.push(finding);
      continue;
    }
    const lead = byId2.get(finding.leadId);
    if (!lead) {
      skipped.push({
        leadId: finding.leadId,
        leadName: finding.leadName,
        reason: "not among the leads read"
      });
      continue;
    }
    targets.set(lead.id, { lead, findings: [finding] });
  }
  const closeStatus = options.closeStatus || closeStatusOf(options.settings);
  if ((fixKind === "close" || fixKind === "merge-duplicate") && !closeStatus) {
    throw new FixInputError(
      "There is no status to close leads with: set LL_Close_Status__c (or a disqualified status) in the settings."
    );
  }
  const list = [...targets.values()];
  let decide;
  if (fixKind === "reassign") decide = reassign(list, options);
  else if (fixKind === "close") decide = () => ({ status: closeStatus });
  else if (fixKind === "merge-duplicate") decide = mergeDuplicate(byId2, options, closeStatus);
  else decide = markMovedOn();
  const changes = [];
  for (const target of list) {
    const { lead, findings: own } = target;
    const name = leadName(lead);
    const skip = (reason) => skipped.push({ leadId: lead.id, leadName: name, reason });
    if (lead.isConverted) {
      skip("the lead is converted");
      continue;
    }
    if (fixKind !== "mark-moved-on" && isClosed(lead, options.settings, closeStatus)) {
      skip(`the lead is already closed (${lead.status})`);
      continue;
    }
    const rule = typeof decide === "function" ? decide : decide.get(lead.id);
    const wanted = rule ? rule(target) : "nothing to do";
    if (typeof wanted === "string") {
      skip(wanted);
      continue;
    }
    const fieldChanges = diff(lead, wanted);
    if (!fieldChanges.length) {
      skip("nothing to do: the lead already has these values");
      continue;
    }
    changes.push({
      leadId: lead.id,
      leadName: name,
      kind: fixKind,
      checkIds: [...new Set(own.map((f) => f.checkId))],
      changes: fieldChanges,
      lastModifiedDate: lead.lastModifiedDate ?? null
    });
  }
  return { kind: fixKind, changes, skipped };
}

// core/src/hygiene/fixes/undo.ts
function sameInstant(a, b) {
  if (!a || !b) return !a && !b;
  const ms = (v) => Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
  return a === b || ms(a) === ms(b);
}
function stillUnchanged(changes, current) {
  const apply = [];
  const skipped = [];
  for (const change of changes) {
    if (!current.has(change.leadId)) {
      skipped.push({
        leadId: change.leadId,
        leadName: change.leadName,
        reason: "the lead no longer exists"
      });
    } else if (!sameInstant(current.get(change.leadId), change.lastModifiedDate)) {
      skipped.push({
        leadId: change.leadId,
        leadName: change.leadName,
        reason: CHANGED_SINCE_PREVIEW
      });
    } else {
      apply.push(change);
    }
  }
  return { apply, skipped };
}
function planFixUndo(runId, log, current) {
  const now = new Map(current.map((c) => [c.id, c]));
  const byLead = /* @__PURE__ */ new Map();
  for (const entry of log) {
    if (entry.runId !== runId || entry.status !== "Applied" || entry.undoneAt) continue;
    const rows = byLead.get(entry.leadId) ?? [];
    rows.push(entry);
    byLead.set(entry.leadId, rows);
  }
  const changes = [];
  const refused = [];
  for (const [leadId, rows] of byLead) {
    const lead = now.get(leadId);
    const logIds = rows.map((r) => r.id);
    const leadName2 = lead?.name ?? leadId;
    const refuse = (reason) => refused.push({ leadId, leadName: leadName2, reason, logIds });
    if (!lead) {
      refuse("the lead no longer exists");
      continue;
    }
    const fixedAt = rows[0].leadModifiedAt;
    if (!sameInstant(lead.lastModifiedDate, fixedAt)) {
      refuse(
        `changed since the fix (modified ${lead.lastModifiedDate ?? "unknown"}, fix left it at ${fixedAt ?? "unknown"})`
      );
      continue;
    }
    const moved = rows.find((r) => (lead.values[r.field] ?? null) !== (r.newValue ?? null));
    if (moved) {
      refuse(
        `${moved.field} is ${JSON.stringify(lead.values[moved.field] ?? null)}, not the ${JSON.stringify(moved.newValue)} the fix wrote`
      );
      continue;
    }
    changes.push({
      leadId,
      leadName: leadName2,
      kind: rows[0].kind,
      checkIds: [...new Set(rows.map((r) => r.checkId).filter((c) => !!c))],
      changes: rows.map((r) => ({ field: r.field, from: r.newValue, to: r.oldValue })),
      lastModifiedDate: lead.lastModifiedDate,
      logIds
    });
  }
  return { runId, changes, refused };
}

// core/src/hygiene/fixes/records.ts
var MAX_TEXT = 255;
var clip = (v) => v === null || v === void 0 ? null : v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}\u2026` : v;
function newFixRunId(now, random = Math.random) {
  const stamp = now.toISOString().replace(/[-:]|\.\d{3}/g, "");
  return `FIX-${stamp}-${Math.floor(random() * 65536).toString(16).padStart(4, "0")}`;
}
function fixLogRecords(run, outcomes) {
  const f = FIX_LOG.fields;
  return outcomes.flatMap(
    ({ change, status, message, leadModifiedAt }) => change.changes.map((c) => ({
      [f.runId]: run.runId,
      [f.checkId]: run.checkId ?? clip(change.checkIds.join(";")),
      [f.fixKind]: change.kind,
      [f.leadId]: change.leadId,
      [f.field]: c.field,
      [f.oldValue]: clip(c.from),
      [f.newValue]: clip(c.to),
      [f.leadModifiedAt]: status === "Applied" ? leadModifiedAt ?? null : null,
      [f.appliedAt]: run.appliedAt,
      [f.appliedById]: run.appliedById ?? null,
      [f.status]: status,
      [f.message]: clip(message ?? null)
    }))
  );
}
var str5 = (v) => {
  const value = fieldValue(v);
  return value === null || value === void 0 || value === "" ? null : String(value);
};
function fixLogEntryFromRecord(record) {
  const f = FIX_LOG.fields;
  return {
    id: str5(record.Id) ?? "",
    runId: str5(record[f.runId]) ?? "",
    checkId: str5(record[f.checkId]),
    kind: str5(record[f.fixKind]) ?? "",
    leadId: str5(record[f.leadId]) ?? "",
    field: str5(record[f.field]) ?? "",
    oldValue: str5(record[f.oldValue]),
    newValue: str5(record[f.newValue]),
    leadModifiedAt: str5(record[f.leadModifiedAt]),
    status: str5(record[f.status]) ?? "",
    undoneAt: str5(record[f.undoneAt])
  };
}
function fixLogUndoneRecord(id, undoneAt, message = null) {
  const f = FIX_LOG.fields;
  return message ? { Id: id, [f.message]: clip(`Undo skipped: ${message}`) } : { Id: id, [f.status]: "Undone", [f.undoneAt]: undoneAt };
}
function auditRunRecord(result, source, figures) {
  const f = AUDIT_RUN.fields;
  const total = Object.values(result.countsByCheck).reduce((a, b) => a + b, 0);
  return {
    [f.ranAt]: result.now,
    [f.leadsAudited]: result.leadsAudited,
    [f.leadsWithFindings]: result.leadsWithFindings,
    [f.findings]: total,
    [f.critical]: result.countsBySeverity.critical,
    [f.high]: result.countsBySeverity.high,
    [f.medium]: result.countsBySeverity.medium,
    [f.low]: result.countsBySeverity.low,
    [f.checks]: clip(result.checks.join(";")),
    [f.countsByCheck]: JSON.stringify(result.countsByCheck),
    [f.source]: source,
    ...figures ? auditFiguresFields(figures) : {}
  };
}

// core/src/board/types.ts
var MEETING_STATUSES = ["In_Progress", "Completed"];
var REVIEW_OUTCOMES = ["Reviewed", "Next_Step", "Status_Change", "Handed_Back"];

// core/src/board/board.ts
function tierRank(tier) {
  const i = tier ? TIERS.indexOf(tier) : -1;
  return i < 0 ? TIERS.length : i;
}
function personName(lead) {
  return [lead.firstName, lead.lastName].filter(Boolean).join(" ");
}
function statusOrder(settings) {
  const ordered = [
    ...settings.openStatuses,
    ...settings.workingStatuses,
    ...settings.qualifiedStatuses,
    settings.nurturingStatus,
    ...settings.disqualifiedStatuses
  ];
  return [...new Set(ordered)];
}
function overdueDays(nextStepDate, now) {
  if (!nextStepDate) {
    return 0;
  }
  const days = daysBetween(nextStepDate, isoDate(now));
  return Number.isFinite(days) && days > 0 ? days : 0;
}
function changesFor(lead, last) {
  if (!last) {
    return [{ kind: "new", text: "New since the last review" }];
  }
  const changes = [];
  const before = tierRank(last.tierAtReview);
  const after = tierRank(lead.tier);
  if (last.tierAtReview && lead.tier && after < before) {
    changes.push({ kind: "tier-up", text: `Tier up: ${last.tierAtReview} \u2192 ${lead.tier}` });
  } else if (last.tierAtReview && lead.tier && after > before) {
    changes.push({
      kind: "tier-down",
      text: `Tier down: ${last.tierAtReview} \u2192 ${lead.tier}`
    });
  }
  if (last.statusAtReview && last.statusAtReview !== lead.status) {
    changes.push({
      kind: "status-moved",
      text: `Status moved: ${last.statusAtReview} \u2192 ${lead.status}`
    });
  }
  const touched = !!lead.lastActivityDate && lead.lastActivityDate >= last.reviewedAt.slice(0, 10);
  changes.push(
    touched ? { kind: "touched", text: "Touched since the last review" } : { kind: "untouched", text: "Not touched since the last review" }
  );
  return changes;
}
function cardFor(lead, flags, last, ownerNames, now) {
  const touchedOn = lead.lastActivityDate ?? null;
  const since = daysBetween(touchedOn ?? lead.createdDate, now);
  const overdue = overdueDays(lead.nextStepDate, now);
  return {
    id: lead.id,
    name: personName(lead),
    company: lead.company ?? "",
    ownerId: lead.ownerId,
    ownerName: ownerNames[lead.ownerId] ?? lead.ownerId,
    status: lead.status,
    tier: lead.tier ?? null,
    score: lead.score ?? null,
    daysSinceTouch: Number.isFinite(since) ? Math.max(0, since) : null,
    everTouched: !!touchedOn,
    flags,
    nextStep: lead.nextStep ?? null,
    nextStepDate: lead.nextStepDate ?? null,
    nextStepOverdue: overdue > 0,
    overdueDays: overdue,
    changes: changesFor(lead, last)
  };
}
function passes(card, filters) {
  if (filters.ownerIds?.length && !filters.ownerIds.includes(card.ownerId)) {
    return false;
  }
  if (filters.tiers?.length && !(card.tier && filters.tiers.includes(card.tier))) {
    return false;
  }
  if (filters.flag && !card.flags.some((f) => f.checkId === filters.flag)) {
    return false;
  }
  return !(filters.overdueOnly && !card.nextStepOverdue);
}
function compareCards(a, b) {
  return tierRank(a.tier) - tierRank(b.tier) || b.overdueDays - a.overdueDays || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}
function latestReviews(reviews) {
  const byLead = /* @__PURE__ */ new Map();
  for (const review of reviews) {
    const seen = byLead.get(review.leadId);
    if (!seen || seen.reviewedAt < review.reviewedAt) {
      byLead.set(review.leadId, review);
    }
  }
  return byLead;
}
function buildBoard(leads, findings, lastReview, settings, now, options) {
  const flagsByLead = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list2 = flagsByLead.get(f.leadId) ?? [];
    list2.push({ leadId: f.leadId, checkId: f.checkId, severity: f.severity, title: f.title });
    flagsByLead.set(f.leadId, list2);
  }
  const reviews = latestReviews(lastReview);
  const ownerNames = options.ownerNames ?? {};
  const filters = options.filters ?? {};
  const lanes = /* @__PURE__ */ new Map();
  if (options.laneBy === "status") {
    for (const status of statusOrder(settings)) {
      lanes.set(status, { key: status, label: status, cards: [] });
    }
  }
  let shown = 0;
  let hidden = 0;
  for (const lead of leads) {
    if (lead.isConverted) {
      continue;
    }
    const card = cardFor(
      lead,
      flagsByLead.get(lead.id) ?? [],
      reviews.get(lead.id),
      ownerNames,
      now
    );
    if (!passes(card, filters)) {
      hidden += 1;
      continue;
    }
    shown += 1;
    const key = options.laneBy === "rep" ? card.ownerId : card.status;
    const label = options.laneBy === "rep" ? card.ownerName : card.status;
    if (!lanes.has(key)) {
      lanes.set(key, { key, label, cards: [] });
    }
    lanes.get(key).cards.push(card);
  }
  const list = [...lanes.values()];
  for (const lane of list) {
    lane.cards.sort(compareCards);
  }
  if (options.laneBy === "rep") {
    list.sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
  }
  return { laneBy: options.laneBy, lanes: list, shown, hidden };
}
function meetingOrder(board) {
  if (board.laneBy !== "rep") {
    throw new Error('A meeting walks a board with a lane per rep (laneBy: "rep").');
  }
  const stops = [];
  board.lanes.forEach((lane, repIndex) => {
    lane.cards.forEach((card, leadIndex) => {
      stops.push({
        repId: lane.key,
        repName: lane.label,
        leadId: card.id,
        repIndex,
        leadIndex
      });
    });
  });
  return stops;
}
function resumeIndex(stops, currentLeadId, reviewedLeadIds) {
  const saved = currentLeadId ? stops.findIndex((s) => s.leadId === currentLeadId) : -1;
  if (saved >= 0) {
    return saved;
  }
  const open = stops.findIndex((s) => !reviewedLeadIds.has(s.leadId));
  return open >= 0 ? open : 0;
}
function validateNextStep(nextStep, nextStepDate, now) {
  const problems = [];
  const step = (nextStep ?? "").trim();
  const date = (nextStepDate ?? "").trim();
  if (step.length > 255) {
    problems.push({
      field: "nextStep",
      message: `The next step is ${step.length} characters; keep it to 255.`
    });
  }
  if (date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      problems.push({
        field: "nextStepDate",
        message: `"${date}" is not a date; use YYYY-MM-DD.`
      });
    } else if (date < isoDate(now)) {
      problems.push({
        field: "nextStepDate",
        message: `The next-step date ${date} is in the past; pick today (${isoDate(now)}) or a later date.`
      });
    }
    if (!step) {
      problems.push({
        field: "nextStep",
        message: "Say what the next step is when you give it a date."
      });
    }
  }
  return problems;
}
function checkStatusMove(card, toStatus, settings) {
  if (!statusOrder(settings).includes(toStatus)) {
    return `"${toStatus}" is not a lead status Lead Loop knows; check the settings' status lists.`;
  }
  if (toStatus === card.status) {
    return `${card.name} is already ${toStatus}.`;
  }
  return null;
}

// core/src/board/summary.ts
var ratio2 = (part, whole) => whole > 0 ? Math.round(part / whole * 1e3) / 1e3 : 1;
function latestByLead(entries) {
  const map = /* @__PURE__ */ new Map();
  for (const entry of entries) {
    if (!entry.leadId) continue;
    const seen = map.get(entry.leadId);
    if (!seen || (seen.reviewedAt ?? "") <= (entry.reviewedAt ?? "")) {
      map.set(entry.leadId, entry);
    }
  }
  return map;
}
function summarizeMeeting(entries, leadsInScope, now, earlierMeetings = []) {
  const byLead = latestByLead(entries);
  const previous = [...earlierMeetings].filter((m) => m.entries).sort((a, b) => (a.meeting.meetingDate ?? "").localeCompare(b.meeting.meetingDate ?? "")).pop();
  const previousFlags = latestByLead(previous?.entries ?? []);
  const perRep = /* @__PURE__ */ new Map();
  const repOf = (repId) => {
    if (!perRep.has(repId)) {
      perRep.set(repId, { repId, inScope: 0, reviewed: 0, coverage: 1, overdueNextSteps: 0 });
    }
    return perRep.get(repId);
  };
  let reviewed = 0;
  let overdue = 0;
  const scopeIds = /* @__PURE__ */ new Set();
  for (const lead of leadsInScope) {
    scopeIds.add(lead.id);
    const rep = repOf(lead.ownerId);
    rep.inScope += 1;
    const entry = byLead.get(lead.id);
    if (entry?.reviewedAt) {
      reviewed += 1;
      rep.reviewed += 1;
    }
    const due = entry?.nextStepDate ?? lead.nextStepDate ?? null;
    if (overdueDays(due, now) > 0) {
      overdue += 1;
      rep.overdueNextSteps += 1;
    }
  }
  let flagsRaised = 0;
  let flagsCleared = 0;
  const changes = { nextSteps: 0, statusChanges: 0, handBacks: 0 };
  let deletedLeads = 0;
  let outOfScope = 0;
  for (const entry of entries) {
    if (!entry.leadId && entry.reviewedAt) deletedLeads += 1;
  }
  for (const entry of byLead.values()) {
    if (!entry.reviewedAt) continue;
    if (!scopeIds.has(entry.leadId)) {
      reviewed += 1;
      outOfScope += 1;
      const rep = repOf(entry.repId ?? "");
      rep.inScope += 1;
      rep.reviewed += 1;
    }
    const before = new Set(previousFlags.get(entry.leadId)?.flags ?? []);
    const after = new Set(entry.flags);
    for (const flag of after) if (!before.has(flag)) flagsRaised += 1;
    for (const flag of before) if (!after.has(flag)) flagsCleared += 1;
    if (entry.outcome === "Next_Step") changes.nextSteps += 1;
    if (entry.outcome === "Handed_Back") changes.handBacks += 1;
    else if (entry.statusAfter && entry.statusAfter !== entry.statusAtReview) {
      changes.statusChanges += 1;
    }
  }
  reviewed += deletedLeads;
  const inScope = leadsInScope.length + outOfScope + deletedLeads;
  for (const rep of perRep.values()) rep.coverage = ratio2(rep.reviewed, rep.inScope);
  const coverage = ratio2(reviewed, inScope);
  const trend = [...earlierMeetings].map(({ meeting }) => ({
    meetingId: meeting.id,
    meetingDate: meeting.meetingDate,
    coverage: ratio2(meeting.leadsReviewed ?? 0, meeting.leadsInScope ?? 0),
    overdueNextSteps: meeting.overdueNextSteps ?? 0,
    flagsRaised: meeting.flagsRaised ?? 0
  })).sort((a, b) => (a.meetingDate ?? "").localeCompare(b.meetingDate ?? ""));
  const last = trend.at(-1);
  trend.push({
    meetingId: null,
    meetingDate: isoDate(now),
    coverage,
    overdueNextSteps: overdue,
    flagsRaised
  });
  return {
    leadsInScope: inScope,
    leadsReviewed: reviewed,
    coverage,
    overdueNextSteps: overdue,
    flagsRaised,
    flagsCleared,
    changes,
    perRep: [...perRep.values()].sort((a, b) => a.repId.localeCompare(b.repId)),
    trend,
    versusLast: last ? {
      coverage: Math.round((coverage - last.coverage) * 1e3) / 10,
      overdueNextSteps: overdue - last.overdueNextSteps
    } : null,
    deletedLeads
  };
}
function summaryText(summary) {
  const pct = (n) => `${Math.round(n * 100)}%`;
  const parts = [
    `Reviewed ${summary.leadsReviewed} of ${summary.leadsInScope} leads (${pct(summary.coverage)})`,
    `${summary.overdueNextSteps} overdue next steps`,
    `${summary.flagsRaised} flags raised, ${summary.flagsCleared} cleared`,
    `${summary.changes.nextSteps} next steps set, ${summary.changes.statusChanges} status changes, ${summary.changes.handBacks} hand-backs`
  ];
  if (summary.versusLast) {
    const c = summary.versusLast.coverage;
    parts.push(`coverage ${c >= 0 ? "+" : ""}${c} points vs the last meeting`);
  }
  return `${parts.join("; ")}.`;
}

// core/src/board/repActions.ts
function candidates(model, leadId, day, at) {
  const list = model.engagement.activities.map((rule) => {
    const kind = rule.kind ?? "Task";
    return {
      text: `A completed ${rule.label.toLowerCase()}`,
      points: rule.points,
      activity: {
        id: `candidate-${rule.id}`,
        kind,
        whoId: leadId,
        ownerId: "",
        subject: rule.subjectKeywords?.[0] ?? "",
        type: rule.types?.[0] ?? null,
        activityDate: day,
        status: kind === "Task" ? "Completed" : null,
        createdDate: at
      }
    };
  });
  list.push({
    text: "A campaign response",
    points: model.engagement.campaign.respondedPoints,
    member: {
      id: "candidate-campaign",
      campaignId: "candidate-campaign",
      leadId,
      status: "Responded",
      hasResponded: true,
      firstRespondedDate: day,
      createdDate: at
    }
  });
  return list.filter((c) => c.points > 0).sort((a, b) => a.points - b.points);
}
function whatMovesUp(input, model, now) {
  const current = scoreLead(input, model, now);
  if (tierRank(current.tier) === 0) {
    return null;
  }
  for (const c of candidates(model, input.lead.id, isoDate(now), now.toISOString())) {
    const next = scoreLead(
      {
        ...input,
        activities: c.activity ? [...input.activities, c.activity] : input.activities,
        campaignMembers: c.member ? [...input.campaignMembers, c.member] : input.campaignMembers
      },
      model,
      now
    );
    if (tierRank(next.tier) < tierRank(current.tier)) {
      return `${c.text} would make this lead ${next.tier}`;
    }
  }
  return `No single activity moves this lead up: fit grade ${current.fitGrade} keeps it ${current.tier}`;
}
function isOpen2(status, settings) {
  return !settings.disqualifiedStatuses.includes(status) && status !== settings.nurturingStatus;
}
function repActions(leads, model, now, settings = DEFAULT_SETTINGS) {
  const today = isoDate(now);
  const actions = [];
  for (const input of leads) {
    const lead = input.lead;
    if (lead.isConverted || !isOpen2(lead.status, settings)) continue;
    const result = scoreLead(input, model, now);
    const overdue = overdueDays(lead.nextStepDate, now);
    const reasons = [];
    if (overdue > 0) {
      reasons.push(`Next step overdue by ${overdue} day${overdue === 1 ? "" : "s"}`);
    } else if (lead.nextStepDate === today) {
      reasons.push("Next step due today");
    }
    if (!lead.nextStep && model.salesReadyTiers.includes(result.tier)) {
      reasons.push(`${result.tier} lead with no next step`);
    }
    const untouched = daysBetween(lead.lastActivityDate ?? lead.createdDate, now);
    if (Number.isFinite(untouched) && untouched > settings.followUpSlaDays) {
      reasons.push(
        lead.lastActivityDate ? `Not touched for ${untouched} days` : `Never touched in ${untouched} days`
      );
    }
    if (!reasons.length) continue;
    actions.push({
      leadId: lead.id,
      name: personName(lead),
      company: lead.company ?? "",
      status: lead.status,
      tier: result.tier,
      score: result.score,
      nextStep: lead.nextStep ?? null,
      nextStepDate: lead.nextStepDate ?? null,
      overdueDays: overdue,
      reasons,
      moveUp: whatMovesUp(input, model, now)
    });
  }
  return actions.sort(
    (a, b) => tierRank(a.tier) - tierRank(b.tier) || b.overdueDays - a.overdueDays || b.score - a.score || a.name.localeCompare(b.name)
  );
}

// core/src/board/records.ts
var oneOf = (list, value) => list.includes(value) ? value : null;
var orNull = (value) => value === void 0 ? null : value;
var numberOrNull = (value) => value === null || value === void 0 || value === "" ? null : Number(value);
function meetingFromRecord(record) {
  const raw = fromRecord(REVIEW_MEETING.fields, record);
  return {
    id: orNull(raw.id),
    name: orNull(raw.name),
    meetingDate: orNull(raw.meetingDate),
    facilitatorId: orNull(raw.facilitatorId),
    teamManagerId: orNull(raw.teamManagerId),
    periodStart: orNull(raw.periodStart),
    periodEnd: orNull(raw.periodEnd),
    status: oneOf(MEETING_STATUSES, raw.status) ?? "In_Progress",
    currentLeadId: orNull(raw.currentLeadId),
    leadsInScope: numberOrNull(raw.leadsInScope),
    leadsReviewed: numberOrNull(raw.leadsReviewed),
    overdueNextSteps: numberOrNull(raw.overdueNextSteps),
    flagsRaised: numberOrNull(raw.flagsRaised),
    summary: orNull(raw.summary),
    lastModifiedDate: orNull(raw.lastModifiedDate)
  };
}
var READ_ONLY_KEYS = /* @__PURE__ */ new Set(["id", "name", "lastModifiedDate"]);
function writable(values) {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !READ_ONLY_KEYS.has(key)));
}
function meetingToFields(values) {
  return toRecord(REVIEW_MEETING.fields, writable(values));
}
function entryFromRecord(record) {
  const raw = fromRecord(REVIEW_ENTRY.fields, record);
  return {
    id: orNull(raw.id),
    meetingId: String(raw.meetingId ?? ""),
    leadId: orNull(raw.leadId),
    repId: orNull(raw.repId),
    progress: orNull(raw.progress),
    nextStep: orNull(raw.nextStep),
    nextStepDate: orNull(raw.nextStepDate),
    statusAtReview: orNull(raw.statusAtReview),
    statusAfter: orNull(raw.statusAfter),
    tierAtReview: oneOf(TIERS, raw.tierAtReview),
    flags: splitList(raw.flags),
    outcome: oneOf(REVIEW_OUTCOMES, raw.outcome),
    reviewedAt: orNull(raw.reviewedAt),
    lastModifiedDate: orNull(raw.lastModifiedDate)
  };
}
function entryToFields(values) {
  const fields = writable(values);
  if (values.flags !== void 0) fields.flags = joinList(values.flags);
  return toRecord(REVIEW_ENTRY.fields, fields);
}
function lastReviewOf(entry) {
  if (!entry.leadId || !entry.reviewedAt) return null;
  return {
    leadId: entry.leadId,
    reviewedAt: entry.reviewedAt,
    statusAtReview: entry.statusAtReview,
    tierAtReview: entry.tierAtReview
  };
}
function writeProblem(error) {
  if (!error || typeof error !== "object") return null;
  const e = error;
  const bodies = Array.isArray(e.body) ? e.body : [e.body];
  const codes = bodies.map((b) => String(b?.errorCode ?? ""));
  if (e.status === 412 || codes.includes("PRECONDITION_FAILED")) return "conflict";
  if (e.status === 404 || codes.some((c) => c === "ENTITY_IS_DELETED" || c === "NOT_FOUND")) {
    return "deleted";
  }
  return null;
}

// core/src/board/flags.ts
var BOARD_CHECKS = [
  "hot-in-marketing-queue",
  "qualified-not-worked",
  "untouched-past-sla",
  "owner-inactive",
  "owner-cannot-act",
  "dead-no-touch",
  "handed-to-sales-unqualified",
  "nurture-date-passed"
];
function boardFindings(leads, users, queues, settings, now) {
  return auditLeads({ leads, users, queues }, settings, now, {
    checks: BOARD_CHECKS
  }).findings.map(({ leadId, checkId, severity, title }) => ({
    leadId,
    checkId,
    severity,
    title
  }));
}

// core/src/board/export.ts
var REVIEW_EXPORT_COLUMNS = [
  "meetingId",
  "meetingDate",
  "meetingStatus",
  "teamManagerId",
  "periodStart",
  "periodEnd",
  "entryId",
  "leadId",
  "repId",
  "reviewedAt",
  "outcome",
  "statusAtReview",
  "statusAfter",
  "tierAtReview",
  "flags",
  "progress",
  "nextStep",
  "nextStepDate"
];
var DATE = /^\d{4}-\d{2}-\d{2}$/;
function checkPeriod(from, to) {
  const problems = [];
  for (const [name, value] of [
    ["--from", from],
    ["--to", to]
  ]) {
    if (value !== void 0 && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      problems.push(`${name} must be a date as YYYY-MM-DD, not "${value}".`);
    }
  }
  if (!problems.length && from && to && from > to) {
    problems.push(`--from (${from}) is after --to (${to}).`);
  }
  return problems;
}
function meetingsInPeriod(meetings2, from, to) {
  return meetings2.filter(
    (m) => !!m.meetingDate && (!from || m.meetingDate >= from) && (!to || m.meetingDate <= to)
  );
}
function reviewExportRows(meetings2, entries) {
  const rows = [];
  for (const m of meetings2) {
    const mine = entries.filter((e) => e.meetingId === m.id).sort((a, b) => (a.reviewedAt ?? "~").localeCompare(b.reviewedAt ?? "~"));
    for (const e of mine) {
      rows.push({
        meetingId: m.id,
        meetingDate: m.meetingDate,
        meetingStatus: m.status,
        teamManagerId: m.teamManagerId,
        periodStart: m.periodStart,
        periodEnd: m.periodEnd,
        entryId: e.id,
        leadId: e.leadId,
        repId: e.repId,
        reviewedAt: e.reviewedAt,
        outcome: e.outcome,
        statusAtReview: e.statusAtReview,
        statusAfter: e.statusAfter,
        tierAtReview: e.tierAtReview,
        flags: e.flags.join(";"),
        progress: e.progress,
        nextStep: e.nextStep,
        nextStepDate: e.nextStepDate
      });
    }
  }
  return rows;
}
export {
  API_VERSION,
  APPLICABLE_FIX_KINDS,
  AUDIT_RUN,
  BOARD_CHECKS,
  BOARD_LEAD_KEYS,
  BOARD_READS,
  BOARD_USER_FIELDS,
  CHANGED_SINCE_PREVIEW,
  DEFAULT_NURTURE_DAYS,
  DEFAULT_SCORING_MODEL,
  DEFAULT_SETTINGS,
  ENGAGEMENT_BANDS,
  ENGAGEMENT_CATEGORIES,
  FIT_FIELDS,
  FIT_GRADES,
  FIX_KINDS,
  FIX_LOG,
  FIX_LOG_STATUSES,
  FREE_MAIL_DOMAINS,
  FUNNEL_AGGREGATE_QUERIES,
  FUNNEL_AGGREGATE_REQUESTS,
  FUNNEL_PARTITIONS,
  FUNNEL_READS,
  FUNNEL_STAGES,
  FUNNEL_STAGE_LABELS,
  FixInputError,
  HANDBACK_LEAD_KEYS,
  HANDBACK_NOTES_MAX_LENGTH,
  HANDBACK_READS,
  HANDBACK_REASONS,
  HANDBACK_REASON_LABELS,
  HAND_BACK_QUICK_ACTION,
  HYGIENE_CHECKS,
  HYGIENE_CHECK_IDS,
  HYGIENE_FIELDS,
  HYGIENE_LEAD_KEYS,
  HYGIENE_LEAD_READS,
  HYGIENE_LEAD_RELATED_READS,
  HYGIENE_PAGE_READS,
  HYGIENE_READS,
  HygieneInputError,
  LEAD_FIELDS,
  LEAD_VALUE_TYPES,
  LEAK_KINDS,
  LEAK_LABELS,
  LINKED_REPORTS,
  MAX_HALF_LIFE_DAYS,
  MAX_ROUND_ROBIN_CAP,
  MAX_SUBQUERIES_PER_REQUEST,
  MEETING_READS,
  MEETING_STATUSES,
  METRIC_REPORTS,
  MODEL_STATUSES,
  MS_PER_DAY,
  NEGATIVE_TARGETS,
  NURTURE_MAX_DAYS,
  NURTURE_QUEUE_COLUMNS,
  NURTURE_QUEUE_DEVELOPER_NAME,
  NURTURE_QUEUE_LEAD_KEYS,
  NURTURE_QUEUE_READS,
  PACKAGE_OBJECTS,
  PACKAGE_PREFIX,
  PERMISSION_SETS,
  POINTS_LIMIT,
  PREVIEW_LEAD_KEYS,
  PREVIEW_READS,
  QUEUE_KEY_PREFIX,
  READY_TO_RETURN_LEAD_KEYS,
  REASONS_NEEDING_NOTES,
  REPORT_LINK,
  REP_ACTIVITY_READS,
  REP_LEAD_READS,
  RETURN_RULES,
  REVIEW_ENTRY,
  REVIEW_ENTRY_FIELDS,
  REVIEW_EXPORT_COLUMNS,
  REVIEW_MEETING,
  REVIEW_MEETING_FIELDS,
  REVIEW_OUTCOMES,
  RUN_AUDIT_HINT,
  SCORE_FIELD_KEYS,
  SCORING_ACTIVITY_FIELDS,
  SCORING_INPUT_LEAD_KEYS,
  SCORING_LEAD_KEYS,
  SCORING_MODEL,
  SCORING_MODEL_FIELDS,
  SCORING_MODEL_READS,
  SCORING_READS,
  SETTINGS,
  SETTINGS_READS,
  SEVERITIES,
  SOURCE_ID_FIELD,
  STATUS_CHANGED_FLOW,
  TIERS,
  UNDO_STAMP_TOLERANCE_MS,
  accountFromRecord,
  activeScoringModel,
  activityFromRecord,
  addAuditRuns,
  addCampaigns,
  addDays,
  addLeadGroups,
  addLeads,
  addReviewMeetings,
  addToPreview,
  asOfText,
  assignRoundRobin,
  auditFigures,
  auditFiguresFields,
  auditLeads,
  auditRunCounts,
  auditRunFigures,
  auditRunFiguresFromRecord,
  auditRunRecord,
  bandFor,
  boardFindings,
  buildBoard,
  campaignMemberFromRecord,
  checkModelVersions,
  checkPeriod,
  checkStatusMove,
  closeStatusOf,
  compareCards,
  computeMetrics,
  contactFromRecord,
  daysBetween,
  defaultModelRecord,
  defaultNurtureUntil,
  emailDomain,
  emailMatchKey,
  emptyMetrics,
  emptyPreview,
  entryFromRecord,
  entryToFields,
  errorsUnder,
  evidence,
  fieldNumber,
  fieldValue,
  finishMetrics,
  fixLogEntryFromRecord,
  fixLogRecords,
  fixLogUndoneRecord,
  formValue,
  fromRecord,
  funnelAggregateVariables,
  funnelBars,
  funnelMetricsFromAggregates,
  funnelRequestVariables,
  gradeFor,
  graphqlEdges,
  graphqlNodes,
  graphqlSelection,
  groupErrorsByRule,
  groupScoringInputs,
  handBackLeadFields,
  handbackReasonLabel,
  handbackReasonOptions,
  hygieneActivityFromRecord,
  hygieneSettingsIssues,
  hygieneSnapshotFromRecords,
  isEditConflict,
  isHandbackReason,
  isInNurture,
  isIsoDate,
  isQueueId,
  isReportId,
  isoDate,
  joinList,
  lastReviewOf,
  lastTouchRecord,
  latest,
  latestAuditRunFromAnswer,
  latestReviews,
  leadApiNames,
  leadFacts,
  leadFromRecord,
  leadGroupsFromAggregates,
  leadName,
  leadToRecord,
  matchableEmail,
  meetingFromRecord,
  meetingOrder,
  meetingToFields,
  meetingsInPeriod,
  mergeMetrics,
  metricActivityFromRecord,
  metricCampaignFromRecord,
  metricOpportunityFromRecord,
  newFixRunId,
  newModelVersionRecord,
  nextModelVersion,
  normalizeCompany,
  normalizeEmail,
  normalizePersonName,
  normalizePhone,
  normalizeText,
  normalizeWords,
  nurtureQueueRow,
  opportunityFromRecord,
  overdueDays,
  ownerRecord,
  parseListInput,
  parseNumberInput,
  parseReasons,
  parseScoringModelRecord,
  parseSettings,
  percentile,
  personName,
  planActivation,
  planFix,
  planFixUndo,
  planHandBack,
  planReportLinks,
  planReturn,
  planUndo,
  plural,
  previewScoringModel,
  previewSummary,
  queueFromRecord,
  ratio,
  ratioText,
  readyToReturn,
  readyToReturnChange,
  readyToReturnMark,
  reduceErrors,
  repActions,
  reportIdsFromLinks,
  reportLinkRecord,
  reportPageReference,
  rescoreChange,
  resumeIndex,
  reviewEntryFromRecord,
  reviewExportRows,
  reviewMeetingFromRecord,
  sameId,
  sameInstant,
  scoreFieldChanges,
  scoreLead,
  scoringInputsFromRecords,
  selectChecks,
  serializeReasons,
  settingsToRecord,
  splitList,
  statusOrder,
  stillUnchanged,
  summarizeMeeting,
  summaryNumbers,
  summaryText,
  tierRank,
  toEpochMs,
  toRecord,
  touchMoment,
  userFromRecord,
  validateHandBack,
  validateNextStep,
  validateScoringModel,
  validateScoringModelJson,
  valueAt,
  websiteDomain,
  whatMovesUp,
  withValueAt,
  writeProblem
};
