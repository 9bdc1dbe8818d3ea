/** Loads every module's personal-data declarations into the catalog registry. */
import '#core/platform_personal_data'
import '#identity/personal_data'
import '#vault/personal_data'
import '#governance/personal_data'
import '#helpdesk/api_personal_data'
import '#helpdesk/personal_data'
