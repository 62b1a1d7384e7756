import { open, type FileHandle } from "node:fs/promises";
import { CompressionType, RecordBatchReader, compressionRegistry } from "apache-arrow";
import { decompress as zstdDecompress } from "fzstd";
import lz4 from "lz4js";
import { TableReadError } from "./types.js";

/** Opening a Feather / Arrow IPC file for openArrow (arrow.ts): its codecs, a format check, a reader. */

// pandas `to_feather` compresses record batch buffers with LZ4 frames by default (ZSTD on request).
// apache-arrow decodes them with whatever codec is registered; an encoder someone else registered
// (a test writing fixtures) is kept. Decoded buffers must start on an 8-byte boundary for arrow's
// 64-bit views, so a decoder's output that does not is copied.
const aligned = (bytes: Uint8Array) => (bytes.byteOffset % 8 === 0 ? bytes : bytes.slice());
for (const [type, decode] of [
  [CompressionType.LZ4_FRAME, (data: Uint8Array) => aligned(Uint8Array.from(lz4.decompress(data)))],
  [CompressionType.ZSTD, (data: Uint8Array) => aligned(zstdDecompress(data))],
] as const) {
  const encode = compressionRegistry.get(type)?.encode;
  compressionRegistry.set(type, encode ? { encode, decode } : { decode });
}

const MAGIC = "ARROW1";

/**
 * Checks what the file is before arrow sees it, so that a wrong or cut-short file gets a clear
 * message. Returns its size.
 */
export async function checkFormat(file: string): Promise<number> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, "r");
    const size = (await handle.stat()).size;
    if (size === 0) throw new TableReadError(file, "not a Feather / Arrow IPC file: the file is empty");
    const head = Buffer.alloc(8);
    await handle.read(head, 0, Math.min(8, size), 0);
    if (head.toString("latin1", 0, 6) === MAGIC) {
      const tail = Buffer.alloc(6);
      // Smallest file: magic + padding (8), footer length (4), magic (6), and something in between.
      if (size >= 18) await handle.read(tail, 0, 6, size - 6);
      if (size < 18 || tail.toString("latin1") !== MAGIC) {
        throw new TableReadError(
          file,
          "truncated Feather / Arrow IPC file: it starts like one but the footer (ending in ARROW1) is missing, " +
            "so the file was probably cut short while copying or writing",
        );
      }
      return size;
    }
    if (head.toString("latin1", 0, 4) === "FEA1") {
      throw new TableReadError(
        file,
        "this is a Feather v1 file (written by pandas before 0.25 or feather-format), which is not supported: " +
          "save it again with a recent pandas (df.to_feather) or as Parquet",
      );
    }
    // The stream format starts with a message: a 0xFFFFFFFF continuation marker (or, before Arrow
    // 0.15, directly the metadata length) and then the schema's flatbuffer.
    const first = head.readInt32LE(0);
    const length = first === -1 ? head.readInt32LE(4) : first;
    if (size < 8 || length <= 0 || length > size) {
      throw new TableReadError(
        file,
        "not a Feather / Arrow IPC file (it starts with neither the ARROW1 magic nor an Arrow IPC stream message)",
      );
    }
    return size;
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
  } finally {
    await handle?.close();
  }
}

/**
 * An arrow reader over a file handle: apache-arrow reads a file-format file by random access
 * (footer, then record batches at their offsets) and a stream message by message. Bytes read
 * through the handle are counted for progress.
 */
export async function openReader(file: string, counted: (n: number) => void) {
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new TableReadError(file, `cannot read the file (${messageOf(error)})`);
  }
  let closed = false;
  // apache-arrow recognises a file handle by its `fd` and `stat`, and reads with
  // read(buffer, offset, length, position).
  const source = {
    fd: handle.fd,
    stat: () => handle.stat(),
    read: async (buffer: Uint8Array, offset: number, length: number, position: number) => {
      const result = await handle.read(buffer, offset, length, position);
      counted(result.bytesRead);
      return result;
    },
    close: async () => {
      if (!closed) {
        closed = true;
        await handle.close();
      }
    },
  } as unknown as FileHandle;
  try {
    const reader = await RecordBatchReader.from(source);
    await reader.open();
    if (!reader.schema) throw new Error("no schema message found");
    return reader;
  } catch (error) {
    await source.close();
    throw new TableReadError(file, `not a readable Feather / Arrow IPC file: ${messageOf(error)}`);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
