import { ErrorPage } from '~/components/error_page'

export default function ServerError() {
  return (
    <ErrorPage
      status={500}
      title="Something went wrong"
      message="We could not finish this request. Nothing you saved was lost. Try again in a moment."
    />
  )
}
