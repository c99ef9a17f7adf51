import type { DuplicatePolicy, ImportReport } from '../../../shared/model.ts';
import { fileToBase64, write } from '../../data/index.ts';
import type { SliceCreator } from '../slice.ts';

/** Importing transcripts: the upload, its report, and what to offer again with another duplicate policy. */
export interface DocumentsSlice {
  importing: boolean;
  report: ImportReport | null;
  lastUpload: { files: File[]; pseudonyms: File | null } | null;
  importFiles(files: File[], pseudonyms: File | null, onDuplicate?: DuplicatePolicy): Promise<void>;
  dismissReport(): void;
}

export const createDocumentsSlice: SliceCreator<DocumentsSlice> = (set, _get, guarded) => ({
  importing: false,
  report: null,
  lastUpload: null,
  importFiles: guarded(async (files: File[], pseudonyms: File | null, onDuplicate?: DuplicatePolicy) => {
    if (files.length === 0) return;
    set({ importing: true, lastUpload: { files, pseudonyms } });
    try {
      const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, base64: await fileToBase64(file) })));
      const report = await write('documents/import', {
        files: uploads,
        pseudonyms: pseudonyms ? { name: pseudonyms.name, base64: await fileToBase64(pseudonyms) } : undefined,
        onDuplicate,
      });
      set({ report });
    } finally {
      set({ importing: false });
    }
  }),
  dismissReport: () => set({ report: null }),
});
