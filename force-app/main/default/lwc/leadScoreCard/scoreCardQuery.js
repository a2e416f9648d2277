import { gql } from 'lightning/graphql';

/**
 * The lead, its activities, campaign memberships and the active model: `SCORING_READS`
 * in the core, field for field (test/readLists.test.ts fails when they differ).
 */
export const SCORE_CARD_QUERY = gql`
    query leadScoreCard($recordId: ID) {
        uiapi {
            query {
                Lead(where: { Id: { eq: $recordId } }, first: 1) {
                    edges {
                        node {
                            Id
                            FirstName {
                                value
                            }
                            LastName {
                                value
                            }
                            Company {
                                value
                            }
                            Title {
                                value
                            }
                            Email {
                                value
                            }
                            Phone {
                                value
                            }
                            Industry {
                                value
                            }
                            NumberOfEmployees {
                                value
                            }
                            AnnualRevenue {
                                value
                            }
                            Country {
                                value
                            }
                            LeadSource {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            LL_Score__c: LL_Score__c {
                                value
                            }
                            LL_Fit_Grade__c: LL_Fit_Grade__c {
                                value
                            }
                            LL_Engagement__c: LL_Engagement__c {
                                value
                            }
                            LL_Tier__c: LL_Tier__c {
                                value
                            }
                            LL_Sales_Ready__c: LL_Sales_Ready__c {
                                value
                            }
                            LL_Score_Reasons__c: LL_Score_Reasons__c {
                                value
                            }
                            LL_Score_Summary__c: LL_Score_Summary__c {
                                value
                            }
                            LL_Scored_At__c: LL_Scored_At__c {
                                value
                            }
                            LL_Model_Version__c: LL_Model_Version__c {
                                value
                            }
                            LL_Previous_Score__c: LL_Previous_Score__c {
                                value
                            }
                            LL_Previous_Tier__c: LL_Previous_Tier__c {
                                value
                            }
                        }
                    }
                }
                Task(
                    where: { WhoId: { eq: $recordId } }
                    first: 200
                    orderBy: { CreatedDate: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            Status {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                }
                Event(
                    where: { WhoId: { eq: $recordId } }
                    first: 200
                    orderBy: { CreatedDate: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            WhoId {
                                value
                            }
                            OwnerId {
                                value
                            }
                            Subject {
                                value
                            }
                            Type {
                                value
                            }
                            ActivityDate {
                                value
                            }
                            StartDateTime {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                }
                CampaignMember(
                    where: { LeadId: { eq: $recordId } }
                    first: 50
                    orderBy: { CreatedDate: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            LeadId {
                                value
                            }
                            CampaignId {
                                value
                            }
                            Status {
                                value
                            }
                            HasResponded {
                                value
                            }
                            FirstRespondedDate {
                                value
                            }
                            CreatedDate {
                                value
                            }
                            Campaign {
                                Name {
                                    value
                                }
                            }
                        }
                    }
                }
                LL_Scoring_Model__c(
                    where: { LL_Status__c: { eq: "Active" } }
                    first: 10
                    orderBy: { LL_Version__c: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            LL_Version__c: LL_Version__c {
                                value
                            }
                            LL_Status__c: LL_Status__c {
                                value
                            }
                            LL_Definition__c: LL_Definition__c {
                                value
                            }
                            LL_Activated_At__c: LL_Activated_At__c {
                                value
                            }
                            LL_Description__c: LL_Description__c {
                                value
                            }
                            CreatedDate {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;
