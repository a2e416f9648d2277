// Generated from core/src by `npm run build`. Do not edit: change the TypeScript and rebuild.
/* eslint-disable */

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
  "Just_Researching",
  "Bad_Timing",
  "Competitor_Chosen"
];

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
  nextStep: "LL_Next_Step__c",
  nextStepDate: "LL_Next_Step_Date__c",
  lastReviewed: "LL_Last_Reviewed__c",
  statusChangedAt: "LL_Status_Changed_At__c",
  sourceId: "LL_Source_Id__c"
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
    summary: "LL_Summary__c"
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
    reviewedAt: "LL_Reviewed_At__c"
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
    nurtureQueue: "LL_Nurture_Queue__c",
    openStatuses: "LL_Open_Statuses__c",
    workingStatuses: "LL_Working_Statuses__c",
    qualifiedStatuses: "LL_Qualified_Statuses__c",
    nurturingStatus: "LL_Nurturing_Status__c",
    disqualifiedStatuses: "LL_Disqualified_Statuses__c",
    salesReadyTiers: "LL_Sales_Ready_Tiers__c",
    nurtureDays: "LL_Nurture_Days__c"
  }
};
var SOURCE_ID_FIELD = "LL_Source_Id__c";
var NURTURE_QUEUE_DEVELOPER_NAME = "LL_Marketing_Nurture";
var STATUS_CHANGED_FLOW = "LL_Lead_Status_Changed";
var PERMISSION_SETS = {
  user: "LL_Lead_Loop_User",
  admin: "LL_Lead_Loop_Admin"
};
var PACKAGE_OBJECTS = [
  SCORING_MODEL.objectApiName,
  REVIEW_MEETING.objectApiName,
  REVIEW_ENTRY.objectApiName,
  SETTINGS.objectApiName
];

// core/src/records.ts
function fieldValue(raw) {
  if (raw !== null && typeof raw === "object" && "value" in raw) {
    return raw.value;
  }
  return raw;
}
function flatten(record) {
  const fields = record.fields;
  if (fields && typeof fields === "object" && !Array.isArray(fields)) {
    return { Id: record.id, ...fields };
  }
  return record;
}
function fromRecord(fieldMap, record) {
  const flat = flatten(record);
  const out = {};
  for (const [key, apiName] of Object.entries(fieldMap)) {
    if (apiName in flat) {
      out[key] = fieldValue(flat[apiName]);
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
  if (lead.isConverted === void 0 && "IsConverted" in record) {
    lead.isConverted = Boolean(fieldValue(record.IsConverted));
  }
  return lead;
}
function leadToRecord(values) {
  return toRecord(LEAD_FIELDS, values);
}
function leadApiNames(keys) {
  return keys.map((key) => LEAD_FIELDS[key]);
}

// core/src/dates.ts
var MS_PER_DAY = 864e5;
function toEpochMs(value) {
  if (!value) {
    return Number.NaN;
  }
  const text = value.length === 10 ? `${value}T00:00:00.000Z` : value;
  return Date.parse(text);
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
  Just_Researching: 90,
  Bad_Timing: 120,
  Competitor_Chosen: 365
};
var DEFAULT_SETTINGS = {
  followUpSlaDays: 2,
  qualifiedUntouchedDays: 7,
  deadAfterDays: 90,
  nurtureQueue: NURTURE_QUEUE_DEVELOPER_NAME,
  openStatuses: ["Open - Not Contacted", "New"],
  workingStatuses: ["Working - Contacted", "Working"],
  qualifiedStatuses: ["Qualified"],
  nurturingStatus: "Nurturing",
  disqualifiedStatuses: ["Closed - Not Converted", "Unqualified"],
  salesReadyTiers: ["Hot", "Warm"],
  nurtureDays: DEFAULT_NURTURE_DAYS
};
function splitList(text) {
  if (typeof text !== "string") {
    return [];
  }
  return text.split(";").map((part) => part.trim()).filter((part) => part.length > 0);
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
  const get = (apiName) => {
    const flat = record.fields ?? record;
    return fieldValue(flat[apiName]);
  };
  const days = (apiName, fallback) => {
    const raw = get(apiName);
    if (raw === null || raw === void 0 || raw === "") {
      return fallback;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || n > 3650) {
      issues.push({
        field: apiName,
        message: `${apiName} must be a number of days from 0 to 3650; using ${fallback}.`
      });
      return fallback;
    }
    return n;
  };
  const list = (apiName, fallback) => {
    const values = splitList(get(apiName));
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
  const rawNurture = get(f.nurtureDays);
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
  const nurtureQueue = get(f.nurtureQueue);
  const nurturingStatus = get(f.nurturingStatus);
  return {
    settings: {
      followUpSlaDays: days(f.followUpSlaDays, DEFAULT_SETTINGS.followUpSlaDays),
      qualifiedUntouchedDays: days(
        f.qualifiedUntouchedDays,
        DEFAULT_SETTINGS.qualifiedUntouchedDays
      ),
      deadAfterDays: days(f.deadAfterDays, DEFAULT_SETTINGS.deadAfterDays),
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
      nurtureDays
    },
    issues
  };
}
function settingsToRecord(settings, name = "Default") {
  const f = SETTINGS.fields;
  return {
    [f.name]: name,
    [f.active]: true,
    [f.followUpSlaDays]: settings.followUpSlaDays,
    [f.qualifiedUntouchedDays]: settings.qualifiedUntouchedDays,
    [f.deadAfterDays]: settings.deadAfterDays,
    [f.nurtureQueue]: settings.nurtureQueue,
    [f.openStatuses]: joinList(settings.openStatuses),
    [f.workingStatuses]: joinList(settings.workingStatuses),
    [f.qualifiedStatuses]: joinList(settings.qualifiedStatuses),
    [f.nurturingStatus]: settings.nurturingStatus,
    [f.disqualifiedStatuses]: joinList(settings.disqualifiedStatuses),
    [f.salesReadyTiers]: joinList(settings.salesReadyTiers),
    [f.nurtureDays]: JSON.stringify(settings.nurtureDays)
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
export {
  API_VERSION,
  DEFAULT_NURTURE_DAYS,
  DEFAULT_SETTINGS,
  FIT_GRADES,
  HANDBACK_REASONS,
  LEAD_FIELDS,
  MS_PER_DAY,
  NURTURE_QUEUE_DEVELOPER_NAME,
  PACKAGE_OBJECTS,
  PACKAGE_PREFIX,
  PERMISSION_SETS,
  REVIEW_ENTRY,
  REVIEW_MEETING,
  SCORE_FIELD_KEYS,
  SCORING_MODEL,
  SETTINGS,
  SOURCE_ID_FIELD,
  STATUS_CHANGED_FLOW,
  TIERS,
  addDays,
  daysBetween,
  fieldValue,
  fromRecord,
  isoDate,
  joinList,
  latest,
  leadApiNames,
  leadFromRecord,
  leadToRecord,
  parseSettings,
  reduceErrors,
  settingsToRecord,
  splitList,
  toEpochMs,
  toRecord
};
