/**
 * Route groups shared by every module's routes file (start/routes/<module>.ts),
 * so each module adds its pages without editing one big file.
 */
import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

/** Pages of one workspace, `/w/:workspace/...`: signed in, verified, a member (others get 404). */
export function workspaceRoutes(define: () => void) {
  return router.group(define).prefix('/w/:workspace').use([middleware.auth(), middleware.verified(), middleware.workspace()])
}

/** Pages of a signed-in, verified user outside any workspace (profile, operator console). */
export function signedInRoutes(define: () => void) {
  return router.group(define).use([middleware.auth(), middleware.verified()])
}

/** The operator console, `/operator/...`: platform operators only (everyone else gets 404). */
export function operatorRoutes(define: () => void) {
  return router.group(define).prefix('/operator').use([middleware.auth(), middleware.verified(), middleware.operator()])
}
