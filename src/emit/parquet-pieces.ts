import { createHash } from 'node:crypto'
import { serialize } from 'node:v8'
import { ByteWriter, type ColumnSource, type ParquetWriter, type Writer } from 'hyparquet-writer'

/**
 * Pieces of a Parquet file encoded on their own: a row group, and each column chunk of it. The
 * bytes of a column chunk do not depend on where it lies in the file, nor on the other columns:
 * only the places the footer and the page indexes give of it do. A piece keeps its bytes with
 * those places as if it began right after the file's magic number, and is moved where it falls.
 */

/** What the footer of a Parquet file says of one row group, and the indexes of its pages written after the row groups. */
type GroupMetadata = Pick<ParquetWriter, 'row_groups' | 'pendingIndexes'>
type RowGroup = GroupMetadata['row_groups'][number]
type PageIndexes = GroupMetadata['pendingIndexes'][number]

/**
 * A row group encoded on its own: its bytes, what the file's footer and page indexes say of them,
 * and a digest of each column's cells, by which a later row group of other cells in some columns
 * takes the chunks of the others from this one.
 */
export interface RowGroupPiece {
  bytes: Uint8Array
  group: RowGroup
  indexes: PageIndexes[]
  columns: string[]
}

/** One column chunk encoded on its own: its bytes, and its page indexes, whose chunk is the footer's. */
interface ChunkPiece {
  bytes: Uint8Array
  index: PageIndexes
}

const magicBytes = 4

/**
 * The row group of `columnData`, of `rows` rows each, written by writers `writerOf` makes. A
 * column whose cells have the digest the same column has in `earlier` (with as many rows) is
 * taken from there as it is; the others are encoded. `salt` goes into each digest: what besides
 * the cells the bytes depend on (the code that encodes them).
 */
export function groupPiece(
  columnData: readonly ColumnSource[],
  rows: number,
  writerOf: (writer: Writer) => ParquetWriter,
  salt: string,
  earlier?: RowGroupPiece
): RowGroupPiece {
  // SHA-1 tells the cells of a column from other cells of ours four times as fast as SHA-256 (a
  // batch is a few megabytes): what keeps a piece from being changed by hand is the SHA-256 of
  // the whole (see readRowGroup).
  const columns = columnData.map((column) =>
    createHash('sha1')
      .update(salt)
      .update('\0')
      .update(column.name)
      .update('\0')
      .update(serialize(column.data))
      .digest('hex')
  )
  const same = earlier !== undefined && earlier.group.num_rows === BigInt(rows)
  const chunks = columnData.map((column, at) =>
    same && earlier.columns[at] === columns[at] ? chunkOf(earlier, at) : encodedChunk(column, rows, writerOf)
  )
  let offset = 0
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0))
  const indexes = chunks.map((chunk) => {
    const index = moved(chunk.index, BigInt(offset))
    bytes.set(chunk.bytes, offset)
    offset += chunk.bytes.length
    return index
  })
  const group: RowGroup = {
    columns: indexes.map((index) => index.chunk),
    total_byte_size: indexes.reduce((sum, index) => sum + (index.chunk.meta_data?.total_uncompressed_size ?? 0n), 0n),
    num_rows: BigInt(rows),
    total_compressed_size: BigInt(bytes.length)
  }
  return { bytes, group, indexes, columns }
}

/** A column of `rows` rows encoded on its own. */
function encodedChunk(column: ColumnSource, rows: number, writerOf: (writer: Writer) => ParquetWriter): ChunkPiece {
  const writer = new ByteWriter()
  const parquet = writerOf(writer)
  void parquet.write({ columnData: [column], rowGroupSize: rows })
  const [index] = parquet.pendingIndexes
  if (!index || parquet.row_groups.length !== 1) throw new Error('a column makes one column chunk')
  return { bytes: writer.getBytes().slice(magicBytes), index }
}

/** The column chunk `at` of a row group, as if encoded on its own. */
function chunkOf(piece: RowGroupPiece, at: number): ChunkPiece {
  const index = piece.indexes[at] as PageIndexes
  const start = Number(index.chunk.file_offset) - magicBytes
  const size = Number(index.chunk.meta_data?.total_compressed_size ?? 0n)
  return { bytes: piece.bytes.subarray(start, start + size), index: moved(index, BigInt(-start)) }
}

/**
 * Append a row group encoded on its own where the file `writer` writes for `parquet` now ends, its
 * places moved there: the file is the same bytes as one whose writer encoded the row group itself.
 */
export function appendPiece(parquet: ParquetWriter, writer: Writer, piece: RowGroupPiece): void {
  const indexes = piece.indexes.map((index) => moved(index, BigInt(writer.offset - magicBytes)))
  writer.appendBytes(piece.bytes)
  // The footer is written from the group, and the indexes write their own places into its chunks.
  parquet.row_groups.push({ ...piece.group, columns: indexes.map((index) => index.chunk) })
  parquet.pendingIndexes.push(...indexes)
  parquet.num_rows += piece.group.num_rows
}

/**
 * A copy of a column chunk's page indexes with every place they and the chunk give moved by
 * `shift` bytes; a copy, so that a piece held (by a watch's thread) or taken twice stays as it is.
 */
function moved(index: PageIndexes, shift: bigint): PageIndexes {
  const copy = structuredClone(index)
  const { chunk, offsetIndex } = copy
  chunk.file_offset += shift
  const meta = chunk.meta_data
  if (meta) {
    meta.data_page_offset += shift
    if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += shift
  }
  for (const page of offsetIndex?.page_locations ?? []) page.offset += shift
  return copy
}

/**
 * Whether a piece read back from where it was kept fits what this writer makes: `columns` column
 * chunks, one page index and one digest for each, and each place it names lies within its bytes.
 */
export function isPiece(piece: RowGroupPiece, columns: number): boolean {
  const end = BigInt(piece.bytes.length + magicBytes)
  const within = (offset: bigint | undefined) => offset === undefined || (offset >= magicBytes && offset < end)
  const chunks = piece.group.columns
  return (
    chunks.length === columns &&
    piece.indexes.length === columns &&
    Array.isArray(piece.columns) &&
    piece.columns.length === columns &&
    piece.indexes.every(({ chunk, offsetIndex }, index) => {
      const meta = chunk.meta_data
      return (
        chunk === chunks[index] &&
        meta !== undefined &&
        within(chunk.file_offset) &&
        within(meta.data_page_offset) &&
        within(meta.dictionary_page_offset) &&
        chunk.file_offset + meta.total_compressed_size <= end &&
        (offsetIndex?.page_locations.every((page) => within(page.offset)) ?? true)
      )
    })
  )
}
