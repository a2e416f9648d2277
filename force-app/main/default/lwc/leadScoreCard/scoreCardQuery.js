import { gql } from 'lightning/graphql';
import { SCORING_READS, graphqlSelection } from 'c/leadLoopCore';

/** Records of `object` related to the lead ($recordId), read with the core's `SCORING_READS`. */
const related = (object, where, first, orderBy) => `
    ${object}(where: ${where}, first: ${first}${orderBy ? `, orderBy: ${orderBy}` : ''}) {
        edges {
            node {
                ${graphqlSelection(SCORING_READS[object])}
            }
        }
    }`;

const NEWEST = '{ CreatedDate: { order: DESC } }';

/**
 * The lead, its activities, campaign memberships, the active model, settings and queues,
 * read with what the CLI reads to rescore, so "Rescore now" scores a lead (and marks a
 * nurtured one ready to return) as the CLI does.
 */
export const SCORE_CARD_QUERY = gql`
    query leadScoreCard($recordId: ID) {
        uiapi {
            query {
                ${related('Lead', '{ Id: { eq: $recordId } }', 1)}
                ${related('Task', '{ WhoId: { eq: $recordId } }', 200, NEWEST)}
                ${related('Event', '{ WhoId: { eq: $recordId } }', 200, NEWEST)}
                ${related('CampaignMember', '{ LeadId: { eq: $recordId } }', 50, NEWEST)}
                ${related('LL_Settings__c', '{ LL_Active__c: { eq: true } }', 1)}
                ${related('Group', '{ Type: { eq: "Queue" } }', 200)}
                ${related(
                    'LL_Scoring_Model__c',
                    '{ LL_Status__c: { eq: "Active" } }',
                    10,
                    '{ LL_Version__c: { order: DESC } }'
                )}
            }
        }
    }
`;
