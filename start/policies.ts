/** Bouncer policies of every module, loaded lazily. */
export const policies = {
  WorkspacePolicy: () => import('#identity/policies/workspace_policy'),
  VaultPolicy: () => import('#vault/policies/vault_policy'),
  GovernancePolicy: () => import('#governance/policies/governance_policy'),
  ApiTokenPolicy: () => import('#helpdesk/api/policies/api_token_policy'),
  ReportPolicy: () => import('#helpdesk/reports/policies/report_policy'),
  HelpdeskPolicy: () => import('#helpdesk/policies/helpdesk_policy'),
  BillingPolicy: () => import('#billing/policies/billing_policy'),
  KnowledgePolicy: () => import('#knowledge/policies/knowledge_policy'),
  AssistantPolicy: () => import('#assistant/policies/assistant_policy'),
  PrivacyPolicy: () => import('#privacy/policies/privacy_policy'),
  ChannelsPolicy: () => import('#channels/policies/channels_policy'),
}
