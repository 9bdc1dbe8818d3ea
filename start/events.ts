/** Event listeners that connect modules without upward imports. */
import emitter from '@adonisjs/core/services/emitter'
import RecordAuditEntry from '#governance/actions/record_audit_entry'

emitter.on('audit', (event) => new RecordAuditEntry().handle(event).then(() => undefined))
