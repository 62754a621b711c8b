/**
 * Photos as objects in a bucket of an S3-compatible store (AWS S3, MinIO, Ceph RGW, 阿里云 OSS, 腾讯云 COS …),
 * for deployments whose photos outgrow the database (issue 19 §5, docs/adr/0036-attachment-storage.md).
 * Requests are signed with SigV4 by `aws4fetch` over Node's own fetch; addresses are path-style
 * (`<endpoint>/<bucket>/<key>`), which every such store accepts.
 */
import { AwsClient } from 'aws4fetch';
import type { FileStorage } from './file-storage.ts';
import { checkStorageKey } from './storage-key.ts';

export interface S3Settings {
  /** e.g. `https://s3.cn-north-1.amazonaws.com.cn` or `http://minio:9000`, no trailing slash. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** A store that answered something other than what S3 answers: the request, its status and S3's own error code. */
export class S3StorageError extends Error {}

export function createS3Storage(settings: S3Settings): FileStorage {
  const client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' });
  const urlOf = (key: string): string => {
    checkStorageKey(key);
    return `${settings.endpoint}/${encodeURIComponent(settings.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  };
  const fail = async (what: string, key: string, response: Response): Promise<never> => {
    const body = await response.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? 'unknown';
    throw new S3StorageError(`S3 ${what} ${settings.bucket}/${key} failed: HTTP ${response.status} ${code}`);
  };
  return {
    async put(key, data) {
      const response = await client.fetch(urlOf(key), { method: 'PUT', body: new Uint8Array(data), headers: { 'content-type': 'application/octet-stream' } });
      if (!response.ok) await fail('PUT', key, response);
      await response.arrayBuffer();
    },
    async get(key) {
      const response = await client.fetch(urlOf(key));
      if (response.status === 404) {
        await response.arrayBuffer();
        return null;
      }
      if (!response.ok) return fail('GET', key, response);
      return Buffer.from(await response.arrayBuffer());
    },
    async remove(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' });
      // Deleting an object that is not there is no error (S3 answers 204 for it anyway; some stores 404).
      if (!response.ok && response.status !== 404) await fail('DELETE', key, response);
      await response.arrayBuffer();
    },
  };
}
