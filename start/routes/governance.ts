/** Routes of the governance module (app/governance). Workspace pages go in workspaceRoutes(). */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

void router
void workspaceRoutes
