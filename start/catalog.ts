/** Loads every module's personal-data declarations into the catalog registry. */
import '#core/platform_personal_data'
import '#identity/personal_data'
import '#vault/personal_data'
import '#governance/personal_data'
import '#helpdesk/api_personal_data'
import '#helpdesk/personal_data'
import '#billing/personal_data'
// Retention targets other modules register for governance's rules (#core/retention_targets)
import '#helpdesk/retention_targets'
import '#knowledge/personal_data'
import '#assistant/personal_data'
import '#privacy/personal_data'
import '#channels/personal_data'
