/**
 * Every AI call goes through here: the workspace's key and model, the plan's
 * token limit (billing's checker, through the kernel) and the workspace's own
 * monthly limit are checked before anything is sent; the call streams through
 * the official SDK; each request is logged (workspace, feature, model,
 * subprocessor, token counts, outcome; never content) and counted.
 */
import { DateTime } from 'luxon'
import type Anthropic from '@anthropic-ai/sdk'
import { enforceLimit, recordUsage } from '#core/plan_limits'
import { UserFacingError } from '#core/errors'
import AiRequest, { type AiFeature } from '#assistant/models/ai_request'
import { anthropicKeyOf, assistantSettingsOf } from '#assistant/services/settings'
import { SUBPROCESSOR, anthropicClient, describeProviderError } from '#assistant/services/anthropic'

export interface AiCall {
  workspaceId: string
  feature: AiFeature
  actorUserId: string | null
  system: string
  messages: Anthropic.MessageParam[]
  maxTokens: number
}

export interface PreparedCall extends AiCall {
  apiKey: string
  model: string
}

export interface AiResult {
  text: string
  inputTokens: number
  outputTokens: number
  model: string
}

export class AiLimitError extends UserFacingError {
  constructor(message: string) {
    super(message, undefined, { status: 402, code: 'E_AI_LIMIT' })
  }
}

/** A rough upper bound of the tokens a call will use (4 characters a token, plus the answer's cap). */
export function estimateTokens(call: Pick<AiCall, 'system' | 'messages' | 'maxTokens'>) {
  const text = call.system.length + call.messages.reduce((sum, message) => sum + JSON.stringify(message.content).length, 0)
  return Math.ceil(text / 4) + call.maxTokens
}

export async function tokensUsedThisMonth(workspaceId: string, now = DateTime.utc()) {
  const row = await AiRequest.query()
    .where('workspace_id', workspaceId)
    .where('created_at', '>=', now.startOf('month').toJSDate())
    .sum('input_tokens as input')
    .sum('output_tokens as output')
    .first()
  return Number(row?.$extras.input ?? 0) + Number(row?.$extras.output ?? 0)
}

/** Checks key and limits; throws a clear refusal before any byte goes to the provider. */
export async function prepareCall(call: AiCall): Promise<PreparedCall> {
  const settings = await assistantSettingsOf(call.workspaceId)
  const apiKey = await anthropicKeyOf(call.workspaceId)
  if (!apiKey) throw new UserFacingError('No AI provider is set up for this workspace. An admin can add an Anthropic key in AI settings.', undefined, { status: 424, code: 'E_AI_NOT_CONFIGURED' })
  const estimate = estimateTokens(call)
  if (settings.monthlyTokenLimit !== null) {
    const used = await tokensUsedThisMonth(call.workspaceId)
    if (used + estimate > settings.monthlyTokenLimit) {
      const resets = DateTime.utc().plus({ months: 1 }).startOf('month').toFormat('d LLLL yyyy')
      throw new AiLimitError(
        `This workspace has used ${used.toLocaleString('en')} of its ${settings.monthlyTokenLimit.toLocaleString('en')} AI tokens this month, so AI features are paused until ${resets}. An admin can raise the limit in AI settings.`
      )
    }
  }
  await enforceLimit(call.workspaceId, 'ai_tokens', estimate)
  return { ...call, apiKey, model: settings.model }
}

async function log(call: PreparedCall, outcome: string, started: number, usage = { input: 0, output: 0 }) {
  await AiRequest.create({
    workspaceId: call.workspaceId,
    feature: call.feature,
    model: call.model,
    subprocessor: SUBPROCESSOR,
    inputTokens: usage.input,
    outputTokens: usage.output,
    outcome,
    durationMs: Date.now() - started,
    actorUserId: call.actorUserId,
  })
}

/** Streams the answer (`onText` gets each piece as it is written); logs and counts the request. */
export async function streamCall(call: PreparedCall, onText: (delta: string) => void = () => {}): Promise<AiResult> {
  const started = Date.now()
  const client = anthropicClient(call.apiKey)
  let message: Anthropic.Message
  try {
    const stream = client.messages.stream({ model: call.model, max_tokens: call.maxTokens, system: call.system, messages: call.messages })
    stream.on('text', (delta) => onText(delta))
    message = await stream.finalMessage()
  } catch (error) {
    const { outcome, error: refusal } = describeProviderError(error)
    await log(call, outcome, started)
    throw refusal
  }
  const usage = { input: message.usage.input_tokens ?? 0, output: message.usage.output_tokens ?? 0 }
  await log(call, 'ok', started, usage)
  await recordUsage(call.workspaceId, 'ai_tokens', usage.input + usage.output)
  const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('')
  return { text, inputTokens: usage.input, outputTokens: usage.output, model: call.model }
}

export async function runCall(call: AiCall, onText?: (delta: string) => void) {
  return streamCall(await prepareCall(call), onText)
}
