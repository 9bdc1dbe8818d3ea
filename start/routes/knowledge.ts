/** Routes of the knowledge module (app/knowledge). Workspace pages go in workspaceRoutes(). */
import router from '@adonisjs/core/services/router'
import { workspaceRoutes } from '#start/route_groups'

void router
void workspaceRoutes
