import { test } from '@japa/runner'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import app from '@adonisjs/core/services/app'

/**
 * Module boundaries (DESIGN.md): a module reaches another only through its
 * public `index.ts`, and only downward or sideways in the layer order. The
 * kernel (`core`) imports no module. Composition roots (start/, providers/,
 * app/middleware, app/exceptions) may wire modules together.
 */
export const LAYERS: Record<string, number> = {
  core: 0,
  vault: 1,
  identity: 2,
  helpdesk: 3,
  knowledge: 3,
  privacy: 3,
  governance: 3,
  channels: 4,
  assistant: 4,
  billing: 5,
  integrations: 5,
}

const IMPORT_PATTERN = /(?:from\s+|import\s*\(\s*)['"]#([a-z_]+)\/([^'"]+)['"]/g

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) return sourceFiles(path)
      return entry.name.endsWith('.ts') ? [path] : []
    })
  )
  return files.flat()
}

export async function findBoundaryViolations(appDir: string) {
  const violations: string[] = []
  for (const module of Object.keys(LAYERS)) {
    for (const file of await sourceFiles(join(appDir, module))) {
      const source = await readFile(file, 'utf8')
      for (const match of source.matchAll(IMPORT_PATTERN)) {
        const [, target, path] = match
        if (target === module || !(target in LAYERS)) continue
        const where = relative(appDir, file)
        if (module === 'core') {
          violations.push(`${where}: the kernel imports module "${target}"`)
        } else if (LAYERS[target] > LAYERS[module]) {
          violations.push(`${where}: imports upward from "${module}" into "${target}"`)
        } else if (target !== 'core' && path !== 'index') {
          violations.push(`${where}: reaches into #${target}/${path} instead of #${target}/index`)
        }
      }
    }
  }
  return violations
}

test.group('Module boundaries', () => {
  test('no module reaches into another module’s internals or upward', async ({ assert }) => {
    assert.deepEqual(await findBoundaryViolations(app.makePath('app')), [])
  })

  test('the check catches a reach into internals, an upward import and a kernel import', async ({ assert }) => {
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const root = await mkdtemp(join(tmpdir(), 'boundaries-'))
    try {
      await mkdir(join(root, 'helpdesk'), { recursive: true })
      await mkdir(join(root, 'identity'), { recursive: true })
      await mkdir(join(root, 'core'), { recursive: true })
      await writeFile(join(root, 'helpdesk', 'a.ts'), "import User from '#identity/models/user'\nimport { x } from '#identity/index'\n")
      await writeFile(join(root, 'identity', 'b.ts'), "const m = await import('#helpdesk/index')\n")
      await writeFile(join(root, 'core', 'c.ts'), "import { y } from '#vault/index'\n")
      const violations = await findBoundaryViolations(root)
      assert.lengthOf(violations, 3)
      assert.match(violations.join('\n'), /reaches into #identity\/models\/user/)
      assert.match(violations.join('\n'), /imports upward from "identity" into "helpdesk"/)
      assert.match(violations.join('\n'), /the kernel imports module "vault"/)
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })
})
