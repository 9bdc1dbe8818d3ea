import { ErrorPage } from '~/components/error_page'

export default function ClientError({ status, message }: { status: number; message: string }) {
  return <ErrorPage status={status} title="Request refused" message={message} />
}
