import { Head } from '@inertiajs/react'
import { Alert, Anchor, Badge, Center, Paper, Stack, Table, Text, Title } from '@mantine/core'

interface Props {
  organisation: string
  confirmed: boolean
  request: {
    reference: string
    typeLabel: string
    status: string
    statusLabel: string
    receivedAt: string
    dueAt: string
    extensionReason: string | null
    completedAt: string | null
    rejectionReason: string | null
  }
  certificateUrl: string | null
  /** Only for requesters without an address on file: their export is handed out here. */
  exportUrl: string | null
}

/** Where a data subject follows their request (the link from our mails). */
export default function PrivacyRequestStatus({ organisation, confirmed, request, certificateUrl, exportUrl }: Props) {
  return (
    <Center mih="100vh" p="md">
      <Head title={`Your request ${request.reference}`} />
      <Paper withBorder p="xl" maw={560} w="100%" component="main">
        <Stack gap="md">
          <Title order={1} size="h2">
            Your request to {organisation}
          </Title>
          {confirmed && (
            <Alert color="teal" role="status" data-testid="request-confirmed">
              Thank you, your request is confirmed. We sent you an email with this page’s link.
            </Alert>
          )}
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">Reference</Table.Th>
                <Table.Td>{request.reference}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Request</Table.Th>
                <Table.Td>{request.typeLabel}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Status</Table.Th>
                <Table.Td>
                  <Badge data-testid="request-status">{request.statusLabel}</Badge>
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">Received</Table.Th>
                <Table.Td>{request.receivedAt}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{request.completedAt ? 'Completed' : 'Answer due by'}</Table.Th>
                <Table.Td>{request.completedAt ?? request.dueAt}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {request.extensionReason && <Text size="sm">The deadline was extended: {request.extensionReason}</Text>}
          {request.rejectionReason && (
            <Alert color="orange" title="Your request was declined">
              {request.rejectionReason}
            </Alert>
          )}
          {exportUrl && (
            <Text size="sm">
              <Anchor href={exportUrl} data-testid="export-link">
                Download my data
              </Anchor>{' '}
              (a ZIP file; the download works once).
            </Text>
          )}
          {certificateUrl && (
            <Text size="sm">
              <Anchor href={certificateUrl}>Download your erasure certificate</Anchor> (signed; it lists categories and counts, never your data).
            </Text>
          )}
        </Stack>
      </Paper>
    </Center>
  )
}
