/** Routes of the privacy module (app/privacy). Workspace pages go in workspaceRoutes(). */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

void router
void workspaceRoutes
