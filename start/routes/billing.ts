/** Routes of the billing module (app/billing). Workspace pages go in workspaceRoutes(). */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

void router
void workspaceRoutes
