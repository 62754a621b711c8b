/**
 * A real S3-compatible server for one test file: s3rver on a free loopback port over a temporary directory, with
 * one bucket and its fixed credentials (S3RVER/S3RVER): it parses the SigV4 Authorization header and refuses an unknown
 * access key (403 InvalidAccessKeyId), but does not recompute SigV4 signatures. `env` is what the app needs
 * to use it; `listKeys` reads the bucket through the S3 API itself, as an operator's tool would.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { AwsClient } from 'aws4fetch';

export interface S3Server {
  endpoint: string;
  bucket: string;
  env: Record<string, string>;
  /** Every key in the bucket, sorted. */
  listKeys(): Promise<string[]>;
  /** Deletes an object behind the app's back. */
  deleteObject(key: string): Promise<void>;
  close(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3Server(bucket = 'civicloop-photos'): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'civicloop-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new AwsClient({ ...CREDENTIALS, region: 'us-east-1', service: 's3' });
  return {
    endpoint,
    bucket,
    env: {
      CIVICLOOP_ATTACHMENT_STORE: 's3', CIVICLOOP_S3_ENDPOINT: endpoint, CIVICLOOP_S3_BUCKET: bucket, CIVICLOOP_S3_REGION: 'us-east-1',
      CIVICLOOP_S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId, CIVICLOOP_S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    async listKeys() {
      const response = await client.fetch(`${endpoint}/${bucket}?list-type=2&max-keys=1000`);
      if (!response.ok) throw new Error(`listing ${bucket}: HTTP ${response.status}`);
      const xml = await response.text();
      return [...xml.matchAll(/<Key>([^<]+)<\/Key>/g)].map((match) => match[1]!).sort();
    },
    async deleteObject(key) {
      const response = await client.fetch(`${endpoint}/${bucket}/${key}`, { method: 'DELETE' });
      if (!response.ok) throw new Error(`deleting ${key}: HTTP ${response.status}`);
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
