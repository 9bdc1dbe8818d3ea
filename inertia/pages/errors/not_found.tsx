import { ErrorPage } from '~/components/error_page'

export default function NotFound({ message }: { message: string }) {
  return <ErrorPage status={404} title="Not found" message={message} />
}
