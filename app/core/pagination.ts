import type { SimplePaginatorContract } from '@adonisjs/lucid/types/querybuilder'

export interface PaginationDto {
  page: number
  lastPage: number
  perPage: number
  total: number
}

/** The part of a Lucid paginator a page needs to draw its pager. */
export function paginationDto(paginator: SimplePaginatorContract<unknown>): PaginationDto {
  return {
    page: paginator.currentPage,
    lastPage: paginator.lastPage,
    perPage: paginator.perPage,
    total: paginator.total,
  }
}
