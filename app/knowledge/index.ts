/**
 * Public face of the knowledge base: the assistant (a layer above) retrieves
 * passages and registers the source summarizer through here.
 */
export { default as KnowledgeSource, SOURCE_KINDS, SOURCE_STATUSES, type SourceKind, type SourceStatus } from '#knowledge/models/knowledge_source'
export { default as KnowledgeSettings, EMBEDDING_PROVIDERS, type EmbeddingProvider } from '#knowledge/models/knowledge_settings'
export { default as CreateSource, type CreateSourceInput } from '#knowledge/actions/create_source'
export { default as UpdateSource, type SourceChanges } from '#knowledge/actions/update_source'
export { default as DeleteSource } from '#knowledge/actions/delete_source'
export { default as SaveKnowledgeSettings, type KnowledgeSettingsInput } from '#knowledge/actions/save_knowledge_settings'
export { searchKnowledge, nearestChunks, vectorCandidates, withIterativeScan, withExactScan, EXACT_SCAN_MAX_CHUNKS, RRF_K, type RetrievedPassage } from '#knowledge/services/retrieval'
export { embedderFor, localEmbedder, remoteEmbedder, type Embedder } from '#knowledge/services/embeddings'
export { localEmbedding, LOCAL_EMBEDDING_MODEL } from '#knowledge/services/local_embedder'
export { EMBEDDING_DIMENSION, toVectorLiteral } from '#knowledge/services/dimension'
export { chunkDocument, type Chunk } from '#knowledge/services/chunker'
export { registerSourceSummarizer, type SourceSummarizer, type SourceToSummarize, type SummaryOutcome } from '#knowledge/services/summarizer'
export { knowledgeSettingsOf } from '#knowledge/services/embedding_settings'
export { knowledgeSettingsDto, passageDto, type KnowledgeSettingsDto } from '#knowledge/presenters/sources'
export { default as KnowledgePolicy } from '#knowledge/policies/knowledge_policy'
export { knowledgePersonalData } from '#knowledge/personal_data'
export { seedKnowledgeDemo } from '#knowledge/demo_data'
