import { Fragment } from 'react'
import { Anchor, Text } from '@mantine/core'
import type { Citation } from './stream'

/** Text with its [n] markers turned into links to the cited passages. */
export function CitedText({ text, citations, testId }: { text: string; citations: Citation[]; testId?: string }) {
  const parts = text.split(/(\[\d+\])/g)
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {parts.map((part, index) => {
        const number = part.match(/^\[(\d+)\]$/)?.[1]
        const citation = number ? citations.find((candidate) => candidate.number === Number(number)) : undefined
        if (!citation) return <Fragment key={index}>{part}</Fragment>
        return (
          <Anchor key={index} href={citation.href} target="_blank" aria-label={`Source ${citation.number}: ${citation.sourceTitle}${citation.heading ? ` › ${citation.heading}` : ''}`} data-testid={`citation-${citation.number}`}>
            [{citation.number}]
          </Anchor>
        )
      })}
    </Text>
  )
}

export function CitationList({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return null
  return (
    <ol aria-label="Sources" style={{ margin: 0, paddingLeft: 20 }}>
      {citations.map((citation) => (
        <li key={citation.chunkId}>
          <Anchor href={citation.href} target="_blank" size="xs">
            {citation.sourceTitle}
            {citation.heading ? ` › ${citation.heading}` : ''}
          </Anchor>
        </li>
      ))}
    </ol>
  )
}
