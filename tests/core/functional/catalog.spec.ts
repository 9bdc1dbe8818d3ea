import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { checkCatalog } from '#core/catalog_check'
import { declarePersonalData, declaredModules, notPersonal } from '#core/personal_data'

test.group('Personal-data catalog', () => {
  test('every column of every table is declared, and no declaration is stale', async ({ assert }) => {
    const findings = await checkCatalog(db.connection())
    assert.deepEqual(findings, [], findings.map((finding) => `${finding.problem}: ${finding.table}.${finding.column}`).join('\n'))
  })

  test('an undeclared column and a stale declaration are both reported', async ({ assert }) => {
    await db.rawQuery('CREATE TABLE catalog_probe (id integer, secret_note text)')
    const before = declaredModules().length
    declarePersonalData({
      module: 'catalog_probe_module',
      tables: [{ table: 'catalog_probe', description: 'probe', columns: { id: notPersonal(), gone_column: notPersonal() } }],
    })
    try {
      const findings = await checkCatalog(db.connection())
      assert.deepInclude(findings, { table: 'catalog_probe', column: 'secret_note', problem: 'undeclared' })
      assert.deepInclude(findings, { table: 'catalog_probe', column: 'gone_column', problem: 'stale' })
    } finally {
      await db.rawQuery('DROP TABLE catalog_probe')
      const { unregisterPersonalData } = await import('#core/personal_data')
      unregisterPersonalData('catalog_probe_module')
      assert.lengthOf(declaredModules(), before)
    }
  })
})
