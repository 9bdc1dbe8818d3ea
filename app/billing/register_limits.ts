/**
 * Boot-time wiring of billing into the kernel: the one limit checker (the
 * entitlements service) and the usage recorder that lower modules reach
 * through app/core/plan_limits.ts. Imported once from start/events.ts.
 */
import { registerLimitChecker, registerUsageRecorder } from '#core/plan_limits'
import { entitlements } from '#billing/services/entitlements'
import { usage } from '#billing/services/usage'

registerLimitChecker((workspaceId, resource, amount) => entitlements.check(workspaceId, resource, amount))
registerUsageRecorder((workspaceId, resource, amount) => usage.add(workspaceId, resource, amount))
