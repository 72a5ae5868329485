import type { FileOwnerKind, StoredFile, StoredFileList } from '@tumbuh/shared';
import { useQuery } from '@tanstack/react-query';
import { api, uploadForm } from '../../shared/api.ts';

/** Owners whose files are listed and added through `/…/:id/files`. */
export type ListedOwnerKind = Extract<FileOwnerKind, 'mgmp_meeting' | 'mgmp_follow_up' | 'observation'>;

const ownerPaths: Record<ListedOwnerKind, string> = {
  mgmp_meeting: '/mgmp/meetings',
  mgmp_follow_up: '/mgmp/follow-ups',
  observation: '/observations',
};

export const filesKeys = {
  owner: (kind: ListedOwnerKind, id: string) => ['files', kind, id] as const,
  logo: (madrasahId: string) => ['files', 'logo', madrasahId] as const,
};

export function ownerFilesPath(kind: ListedOwnerKind, id: string): string {
  return `${ownerPaths[kind]}/${encodeURIComponent(id)}/files`;
}

export function useOwnerFiles(kind: ListedOwnerKind, id: string, enabled = true) {
  return useQuery({
    queryKey: filesKeys.owner(kind, id),
    queryFn: ({ signal }) => api<StoredFileList>('GET', ownerFilesPath(kind, id), { signal }),
    enabled: enabled && id !== '',
  });
}

/** Sends one file (and its caption) with upload progress. */
export function uploadOwnerFile(kind: ListedOwnerKind, id: string, file: File, caption: string, onProgress: (percent: number) => void): Promise<StoredFile> {
  const form = new FormData();
  if (caption.trim()) form.append('caption', caption.trim());
  form.append('file', file, file.name);
  return uploadForm<StoredFile>(ownerFilesPath(kind, id), form, onProgress);
}

export function deleteFile(id: string): Promise<{ ok: true }> {
  return api<{ ok: true }>('DELETE', `/files/${encodeURIComponent(id)}`);
}

/** Where the browser loads a madrasah's logo (the session cookie goes along). */
export function logoUrl(madrasahId: string, version: string | number): string {
  return `/api/v1/madrasahs/${encodeURIComponent(madrasahId)}/logo?variant=thumb&v=${encodeURIComponent(String(version))}`;
}
