import { gql } from 'lightning/graphql';
import { REP_ACTIVITY_READS, REP_LEAD_READS, graphqlEdges } from 'c/leadLoopCore';

export const REP_PAGE_SIZE = 2000;
export const REP_LIMIT = 10000;
export const LEAD_CURSORS = { Lead: 'leadAfter' };
export const ACTIVITY_CURSORS = {
    Task: 'taskAfter',
    Event: 'eventAfter',
    CampaignMember: 'memberAfter'
};

const nodes = (reads, object) => graphqlEdges(reads[object]);
const pageInfo = 'pageInfo { hasNextPage endCursor }';

/** The rep's open leads (2,000 a round trip), the model versions and the settings. */
export const REP_LEADS_QUERY = gql`
    query repLeadsToAct($ownerId: ID, $leadAfter: String, $pageSize: Int, $upperBound: Int) {
        uiapi {
            query {
                Lead(
                    first: $pageSize
                    after: $leadAfter
                    upperBound: $upperBound
                    where: { and: [{ OwnerId: { eq: $ownerId } }, { IsConverted: { eq: false } }] }
                    orderBy: { Id: { order: ASC } }
                ) {
                    ${nodes(REP_LEAD_READS, 'Lead')}
                    ${pageInfo}
                }
                LL_Scoring_Model__c(first: 200) {
                    ${nodes(REP_LEAD_READS, 'LL_Scoring_Model__c')}
                }
                LL_Settings__c(first: 1, where: { LL_Active__c: { eq: true } }) {
                    ${nodes(REP_LEAD_READS, 'LL_Settings__c')}
                }
            }
        }
    }
`;

const activityPage = (object, field, cursor) => `
    ${object}(
        first: $pageSize
        after: $${cursor}
        upperBound: $upperBound
        where: { ${field}: { in: $leadIds } }
        orderBy: { Id: { order: ASC } }
    ) {
        ${nodes(REP_ACTIVITY_READS, object)}
        ${pageInfo}
    }`;

/** What those leads did: their tasks, events and campaign memberships. */
export const REP_ACTIVITIES_QUERY = gql`
    query repLeadActivities(
        $leadIds: [ID]
        $taskAfter: String
        $eventAfter: String
        $memberAfter: String
        $pageSize: Int
        $upperBound: Int
    ) {
        uiapi {
            query {
                ${activityPage('Task', 'WhoId', 'taskAfter')}
                ${activityPage('Event', 'WhoId', 'eventAfter')}
                ${activityPage('CampaignMember', 'LeadId', 'memberAfter')}
            }
        }
    }
`;
