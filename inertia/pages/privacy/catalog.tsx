import { useMemo, useState } from 'react'
import { useForm } from '@inertiajs/react'
import { Anchor, Badge, Button, Group, NumberInput, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core'
import { AppLayout } from '~/layouts/app_layout'

interface Row {
  module: string
  table: string
  column: string
  personal: boolean
  category: string | null
  subject: string | null
  purpose: string | null
  legalBasis: string | null
  retention: string | null
  erasure: string | null
  exported: boolean
  protectedAtRest: string | null
  note: string | null
}

interface Props {
  rows: Row[]
  settings: { targetDays: number; defaultRegime: string }
  canConfigure: boolean
  regimes: { value: string; label: string }[]
  portalUrl: string
  settingsUrl: string
}

/** Every column Vaultdesk stores, as each module declares it (node ace privacy:catalog:check keeps it complete). */
export default function PersonalDataCatalog({ rows, settings, canConfigure, regimes, portalUrl, settingsUrl }: Props) {
  const [filter, setFilter] = useState('')
  const [onlyPersonal, setOnlyPersonal] = useState<string | null>('personal')
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase()
    return rows.filter(
      (row) =>
        (onlyPersonal !== 'personal' || row.personal) &&
        (!needle || `${row.module} ${row.table} ${row.column} ${row.category ?? ''} ${row.purpose ?? ''}`.toLowerCase().includes(needle))
    )
  }, [rows, filter, onlyPersonal])
  const form = useForm({ targetDays: settings.targetDays, defaultRegime: settings.defaultRegime })
  return (
    <AppLayout title="Personal-data catalog">
      <Text size="sm" c="dimmed">
        {rows.length} columns in {new Set(rows.map((row) => row.table)).size} tables; {rows.filter((row) => row.personal).length} hold personal data. Public
        request form: <Anchor href={portalUrl}>{portalUrl}</Anchor>
      </Text>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="sm">
          Response target
        </Title>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            form.put(settingsUrl)
          }}
        >
          <Group align="flex-end">
            <NumberInput label="Answer within (days)" min={1} max={90} value={form.data.targetDays} onChange={(value) => form.setData('targetDays', Number(value))} disabled={!canConfigure} error={form.errors.targetDays} />
            <Select label="Default regime" data={regimes} value={form.data.defaultRegime} onChange={(value) => form.setData('defaultRegime', value ?? 'gdpr')} disabled={!canConfigure} allowDeselect={false} />
            {canConfigure && (
              <Button type="submit" loading={form.processing}>
                Save
              </Button>
            )}
          </Group>
        </form>
      </Paper>
      <Group align="flex-end">
        <TextInput label="Filter" placeholder="table, column, category, purpose" value={filter} onChange={(event) => setFilter(event.currentTarget.value)} />
        <Select label="Show" data={[{ value: 'personal', label: 'Personal data only' }, { value: 'all', label: 'Every column' }]} value={onlyPersonal} onChange={setOnlyPersonal} allowDeselect={false} />
      </Group>
      <Text size="sm">{visible.length} columns shown</Text>
      <Table.ScrollContainer minWidth={1150}>
      <Table striped aria-label="Personal-data catalog" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Module</Table.Th>
            <Table.Th>Table.column</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>Legal basis</Table.Th>
            <Table.Th>Retention</Table.Th>
            <Table.Th>Erasure</Table.Th>
            <Table.Th>Exported</Table.Th>
            <Table.Th>At rest</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {visible.map((row) => (
            <Table.Tr key={`${row.table}.${row.column}`}>
              <Table.Td>{row.module}</Table.Td>
              <Table.Td>
                {row.table}.{row.column}
              </Table.Td>
              {row.personal ? (
                <>
                  <Table.Td>
                    <Badge variant="light" size="sm" tt="none" maw="none">
                      {row.category}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.subject}</Table.Td>
                  <Table.Td>{row.purpose}</Table.Td>
                  <Table.Td>{row.legalBasis}</Table.Td>
                  <Table.Td>{row.retention}</Table.Td>
                  <Table.Td>{row.erasure}</Table.Td>
                  <Table.Td>{row.exported ? 'yes' : 'no'}</Table.Td>
                  <Table.Td>{row.protectedAtRest ?? '—'}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={8}>
                  <Text size="xs" c="dimmed">
                    not personal{row.note ? `: ${row.note}` : ''}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </Table.ScrollContainer>
    </AppLayout>
  )
}
