import type { HttpContext } from '@adonisjs/core/http'
import { openApiDocument } from '#helpdesk/api/openapi'

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description (public, like the docs). */
export default class OpenApiController {
  async show({ request, response }: HttpContext) {
    response.header('Cache-Control', 'public, max-age=300')
    return response.json(openApiDocument(`${request.protocol()}://${request.host()}`))
  }
}
