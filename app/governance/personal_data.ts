import { declarePersonalData, notPersonal, personal } from '#core/personal_data'

const securityLog = {
  subject: 'workspace_user',
  purpose: 'Secure the service and prove who did what (audit log)',
  legalBasis: 'legitimate_interest',
  retention: 'security_log',
} as const

export const governancePersonalData = declarePersonalData({
  module: 'governance',
  tables: [
    {
      table: 'audit_entries',
      description: 'Append-only, hash-chained log of administrative, operator and security actions',
      columns: {
        id: notPersonal('surrogate key'),
        workspace_id: notPersonal('chain (tenant)'),
        sequence: notPersonal('position in the chain'),
        actor_type: notPersonal('kind of actor'),
        actor_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        action: notPersonal('what was done'),
        target_type: notPersonal('kind of target'),
        target_id: personal({ ...securityLog, category: 'security', erasure: 'retain_legal_basis', exported: true }),
        metadata: notPersonal('ids, roles and flags only, by contract of #core/audit'),
        ip_hash: personal({
          ...securityLog,
          category: 'technical',
          erasure: 'retain_legal_basis',
          exported: false,
          protectedAtRest: 'keyed_hash',
        }),
        occurred_at: notPersonal('timestamp'),
        prev_hash: notPersonal('chain link'),
        hash: notPersonal('chain link'),
      },
    },
  ],
})
