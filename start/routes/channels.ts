/** Routes of the channels module (app/channels). Workspace pages go in workspaceRoutes(). */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

void router
void workspaceRoutes
