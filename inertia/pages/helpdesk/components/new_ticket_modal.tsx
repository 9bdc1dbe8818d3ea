import { useForm } from '@inertiajs/react'
import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core'

/** An agent opens a ticket to a contact by email (the contact is created if new). */
export function NewTicketModal({ base, opened, onClose }: { base: string; opened: boolean; onClose: () => void }) {
  const form = useForm({ contactEmail: '', contactName: '', subject: '', body: '' })
  return (
    <Modal opened={opened} onClose={onClose} title="New ticket" size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          form.post(`${base}/tickets`, { onSuccess: () => { form.reset(); onClose() } })
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput
              label="Contact email"
              type="email"
              required
              value={form.data.contactEmail}
              onChange={(event) => form.setData('contactEmail', event.currentTarget.value)}
              error={form.errors.contactEmail}
            />
            <TextInput
              label="Contact name"
              value={form.data.contactName}
              onChange={(event) => form.setData('contactName', event.currentTarget.value)}
              error={form.errors.contactName}
            />
          </Group>
          <TextInput label="Subject" required value={form.data.subject} onChange={(event) => form.setData('subject', event.currentTarget.value)} error={form.errors.subject} />
          <Textarea label="Message" required autosize minRows={5} value={form.data.body} onChange={(event) => form.setData('body', event.currentTarget.value)} error={form.errors.body} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.processing}>
              Create ticket
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
