import { ErrorPage } from '~/components/error_page'

export default function Gone({ message }: { message: string }) {
  return <ErrorPage status={410} title="This link no longer works" message={message} />
}
