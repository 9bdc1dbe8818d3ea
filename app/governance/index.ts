/** Public face of the governance module. */
export { default as RecordAuditEntry } from '#governance/actions/record_audit_entry'
export { default as VerifyAuditChain } from '#governance/actions/verify_audit_chain'
export { default as AuditEntry } from '#governance/models/audit_entry'
export { governancePersonalData } from '#governance/personal_data'
